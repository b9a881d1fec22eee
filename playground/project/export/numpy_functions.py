"""The code a NumPy script is made of: each kind of layer's forward and backward, and each loss, as
the script writes them out. The formulas are the engine's; the arithmetic is in rows and float64."""

# The layer functions, by kind; a script holds those its network uses. Rows are examples, as in the app's
# scripting API, and images are (n, C, H, W) as in PyTorch; the formulas are the engine's
# (playground/engine/layers.py, blocks.py, image_layers.py, activations.py).
FUNCTIONS = {
    "dense": '''
def dense_forward(x, W, b):
    """z = x @ W + b for a batch of rows x (n, fan_in); W is (fan_in, fan_out)."""
    return x @ W + b, (x, W)


def dense_backward(dz, cache):
    """dL/dx = dz Wᵀ, dL/dW = xᵀ dz, dL/db = dz summed over the examples."""
    x, W = cache
    return dz @ W.T, x.T @ dz, dz.sum(axis=0)
''',
    "conv2d": '''
def conv2d_forward(x, K, b, stride, padding):
    """z[n, f, r, c] = Σ over ch, i, j of K[ch, i, j, f] · x_pad[n, ch, stride·r + i, stride·c + j] + b[f]:
    the F kernels K (C, kh, kw, F) slid over images x (n, C, H, W) with padding = (before, after) zeros
    around them, alike along height and width. Like PyTorch's Conv2d, a cross-correlation.

    Every window is copied into columns first (im2col), a (C, kh, kw) block per output position, so
    that the sum is one tensor product."""
    before, after = padding
    x_pad = np.pad(x, ((0, 0), (0, 0), (before, after), (before, after)))
    channels, kh, kw, _ = K.shape
    out_h = (x_pad.shape[2] - kh) // stride + 1
    out_w = (x_pad.shape[3] - kw) // stride + 1
    cols = np.empty((len(x), channels, kh, kw, out_h, out_w))
    for i in range(kh):
        for j in range(kw):
            cols[:, :, i, j] = x_pad[:, :, i : i + stride * out_h : stride, j : j + stride * out_w : stride]
    z = np.tensordot(cols, K, axes=([1, 2, 3], [0, 1, 2]))  # (n, out_h, out_w, F)
    return z.transpose(0, 3, 1, 2) + b[:, None, None], (x.shape, cols, K, stride, padding)


def conv2d_backward(dz, cache):
    """dL/dK = the columns times dz, summed over the examples and positions; dL/db = dz summed over all but
    the filters; dL/dx adds each window's gradient, K dz, back onto the pixels it was copied from
    (col2im), then cuts the padding away."""
    x_shape, cols, K, stride, (before, after) = cache
    n, channels, height, width = x_shape
    _, kh, kw, _ = K.shape
    out_h, out_w = dz.shape[2:]
    dK = np.tensordot(cols, dz, axes=([0, 4, 5], [0, 2, 3]))  # (C, kh, kw, F)
    db = dz.sum(axis=(0, 2, 3))
    dcols = np.tensordot(dz, K, axes=([1], [3]))  # (n, out_h, out_w, C, kh, kw)
    dx_pad = np.zeros((n, channels, height + before + after, width + before + after))
    for i in range(kh):
        for j in range(kw):
            dx_pad[:, :, i : i + stride * out_h : stride, j : j + stride * out_w : stride] += (
                dcols[:, :, :, :, i, j].transpose(0, 3, 1, 2))
    return dx_pad[:, :, before : before + height, before : before + width], dK, db
''',
    "pooling": '''
def pool_windows(x, size, stride):
    """Every size × size window of images x (n, C, H, W), slid by stride, without padding (windows that
    would run past the edge are left out): (size², n, C, out_h, out_w), the window's offsets row by row."""
    out_h = (x.shape[2] - size) // stride + 1
    out_w = (x.shape[3] - size) // stride + 1
    return np.stack([x[:, :, i : i + stride * out_h : stride, j : j + stride * out_w : stride]
                     for i in range(size) for j in range(size)])


def add_to_windows(dx, values, offset, size, stride):
    """dx at the given offset of every window, the way pool_windows reads it, += values (n, C, out_h, out_w)."""
    i, j = divmod(offset, size)
    out_h, out_w = values.shape[2:]
    dx[:, :, i : i + stride * out_h : stride, j : j + stride * out_w : stride] += values
''',
    "maxpool2d": '''
def maxpool2d_forward(x, size, stride):
    """out = the largest value of each window; backward needs which offset of its window each took."""
    windows = pool_windows(x, size, stride)
    taken = windows.argmax(axis=0)  # the first of equal values, as the app and PyTorch take
    return np.take_along_axis(windows, taken[None], axis=0)[0], (x.shape, taken, size, stride)


def maxpool2d_backward(dout, cache):
    """dL/dx: each output's gradient goes to the pixel its maximum came from, 0 elsewhere."""
    x_shape, taken, size, stride = cache
    dx = np.zeros(x_shape)
    for offset in range(size * size):
        add_to_windows(dx, dout * (taken == offset), offset, size, stride)
    return dx
''',
    "avgpool2d": '''
def avgpool2d_forward(x, size, stride):
    """out = the mean of each window."""
    return pool_windows(x, size, stride).mean(axis=0), (x.shape, size, stride)


def avgpool2d_backward(dout, cache):
    """dL/dx: each output's gradient shared equally among the size² pixels of its window."""
    x_shape, size, stride = cache
    dx = np.zeros(x_shape)
    for offset in range(size * size):
        add_to_windows(dx, dout / (size * size), offset, size, stride)
    return dx
''',
    "flatten": '''
def flatten_forward(x):
    """Each example's images (C, H, W) as one row, in that order."""
    return x.reshape(len(x), -1), x.shape


def flatten_backward(dout, shape):
    return dout.reshape(shape)
''',
    "globalavgpool": '''
def globalavgpool_forward(x):
    """out[n, c] = the mean of channel c's map: images (n, C, H, W) to rows (n, C)."""
    return x.mean(axis=(2, 3)), x.shape


def globalavgpool_backward(dout, shape):
    """dL/dx: each channel's gradient shared equally among the H·W pixels of its map."""
    return np.broadcast_to(dout[:, :, None, None] / (shape[2] * shape[3]), shape).copy()
''',
    "relu": '''
def relu_forward(z):
    """a = max(0, z)"""
    return z * (z > 0), z


def relu_backward(da, z):
    """g'(z) = 1 where z > 0, else 0"""
    return da * (z > 0)
''',
    "leaky_relu": '''
def leaky_relu_forward(z, alpha):
    """a = z where z > 0, else alpha·z"""
    return np.where(z > 0, z, alpha * z), (z, alpha)


def leaky_relu_backward(da, cache):
    """g'(z) = 1 where z > 0, else alpha"""
    z, alpha = cache
    return da * np.where(z > 0, 1.0, alpha)
''',
    "elu": '''
def elu_forward(z, alpha):
    """a = z where z > 0, else alpha·(eᶻ − 1)"""
    return np.where(z > 0, z, alpha * np.expm1(np.minimum(z, 0))), (z, alpha)


def elu_backward(da, cache):
    """g'(z) = 1 where z > 0, else alpha·eᶻ"""
    z, alpha = cache
    return da * np.where(z > 0, 1.0, alpha * np.exp(np.minimum(z, 0)))
''',
    "sigmoid": '''
def sigmoid(z):
    with np.errstate(over="ignore"):  # e⁻ᶻ overflows to inf for z < −709, and 1 / inf = 0 is right
        return 1 / (1 + np.exp(-z))


def sigmoid_forward(z):
    """a = 1 / (1 + e⁻ᶻ)"""
    a = sigmoid(z)
    return a, a


def sigmoid_backward(da, a):
    """g'(z) = a·(1 − a)"""
    return da * a * (1 - a)
''',
    "tanh": '''
def tanh_forward(z):
    """a = tanh(z)"""
    a = np.tanh(z)
    return a, a


def tanh_backward(da, a):
    """g'(z) = 1 − a²"""
    return da * (1 - a * a)
''',
    "softplus": '''
def softplus_forward(z):
    """a = log(1 + eᶻ), computed without overflow"""
    return np.logaddexp(0, z), z


def softplus_backward(da, z):
    """g'(z) = 1 / (1 + e⁻ᶻ), the sigmoid"""
    with np.errstate(over="ignore"):
        return da / (1 + np.exp(-z))
''',
    "softmax": '''
def softmax_forward(z):
    """a_i = e^(z_i) / Σ_j e^(z_j) over each row; shifting by the row's max keeps e^z finite."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    a = e / e.sum(axis=1, keepdims=True)
    return a, a


def softmax_backward(da, a):
    """dL/dz = a ⊙ (da − Σ_j da_j·a_j): the Jacobian times da, without building the Jacobian."""
    return a * (da - (da * a).sum(axis=1, keepdims=True))
''',
    "dropout": '''
def dropout_forward(x, rate, training):
    """Inverted dropout: in training keep each value with probability 1 − rate and scale it by
    1 / (1 − rate), so nothing changes at inference, where dropout is the identity."""
    if not training or rate == 0:
        return x, None
    mask = (RNG.random(x.shape) >= rate) / (1 - rate)
    return x * mask, mask


def dropout_backward(dout, mask):
    return dout if mask is None else dout * mask
''',
    "batchnorm": '''
def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum, eps, training):
    """x̂ = (x − μ) / √(σ² + eps), y = gamma·x̂ + beta, per feature (column).

    Training uses the batch's mean and variance and updates the running statistics in place
    (with the unbiased variance); inference uses the running statistics.
    """
    if training:
        n = x.shape[0]
        mean = x.mean(axis=0)
        variance = ((x - mean) ** 2).mean(axis=0)
        running_mean[...] = (1 - momentum) * running_mean + momentum * mean
        unbiased = variance * n / (n - 1) if n > 1 else variance
        running_var[...] = (1 - momentum) * running_var + momentum * unbiased
    else:
        mean, variance = running_mean, running_var
    inv_std = 1 / np.sqrt(variance + eps)
    x_hat = (x - mean) * inv_std
    return gamma * x_hat + beta, (x_hat, inv_std, gamma, training)


def batchnorm_backward(dy, cache):
    """dL/dgamma = Σ dy·x̂, dL/dbeta = Σ dy over the examples. In training the batch mean and variance
    depend on every example, which adds the last two terms of dL/dx."""
    x_hat, inv_std, gamma, training = cache
    dgamma = (dy * x_hat).sum(axis=0)
    dbeta = dy.sum(axis=0)
    if not training:
        return dy * gamma * inv_std, dgamma, dbeta
    n = dy.shape[0]
    return gamma * inv_std * (dy - dbeta / n - x_hat * dgamma / n), dgamma, dbeta
''',
}

LOSS_FUNCTIONS = {
    "mse": '''
def loss_function(out, y):
    """Mean squared error L = mean((out − y)²) and dL/dout = 2 (out − y) / out.size."""
    diff = out - y
    return float((diff * diff).mean()), 2 * diff / diff.size
''',
    "cross_entropy": '''
def loss_function(logits, y):
    """Softmax cross-entropy L = −mean over rows of Σ y·log softmax(logits), fused with the softmax so
    it stays finite for any logit; then dL/dlogits is simply (softmax(logits) − y) / n."""
    n = logits.shape[0]
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-(y * log_probs).sum() / n), (np.exp(log_probs) - y) / n


def probabilities(logits):
    """Class probabilities: the softmax of the logits."""
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)
''',
    "binary_cross_entropy": '''
def loss_function(logits, y):
    """Binary cross-entropy L = mean(log(1 + eᶻ) − y·z) on the logits z, fused with the sigmoid so it
    stays finite for any logit; then dL/dz is simply (sigmoid(z) − y) / z.size."""
    softplus = np.logaddexp(0, logits)
    probs = np.exp(logits - softplus)  # sigmoid(z) = eᶻ / (1 + eᶻ)
    return float((softplus - y * logits).mean()), (probs - y) / logits.size


def probabilities(logits):
    """Probabilities: the sigmoid of the logits, computed without overflow."""
    return np.exp(logits - np.logaddexp(0, logits))
''',
}

LOSS_NAMES = {"mse": "mean squared error", "cross_entropy": "softmax cross-entropy",
              "binary_cross_entropy": "binary cross-entropy"}
