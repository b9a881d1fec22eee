<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Dense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every input feeds every unit: z = Wᵀx + b, then a = g(z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max(0, z): passes positives, zeroes negatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z above zero, α·z below, so no unit dies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ELU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z above zero, α(eᶻ − 1) below: smooth around zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 / (1 + e⁻ᶻ): squashes into (0, 1) and saturates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Squashes into (−1, 1), centred on zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log(1 + eᶻ): a smooth ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns outputs into probabilities that sum to 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zeroes a random share of units while training, against overfitting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BatchNorm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalizes each feature over the batch, then scales and shifts it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A block whose output is added to its input: a shortcut for gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conv2D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slides small kernels over the images: each filter makes a feature map, z = K ⋆ x + b, then a = g(z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MaxPool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The largest value of each 2×2 window: halves the maps; the gradient flows to that value alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AvgPool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mean of each 2×2 window: halves the maps; the gradient is shared across the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the maps as one flat vector, for the Dense layers after them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GlobalAvgPool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mean of each map: one value per channel, in place of a Flatten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dense {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conv2D {0} {1}×{1} {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1}×{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ or ‖∂L/∂K‖ of each layer with weights, log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ of each Dense layer or block, log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer {0}: ‖∂L/∂{1}‖ = {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output layer&apos;s size is fixed by the data: it gives what the loss needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A layer needs at least one unit: remove the layer itself with the − beside the hidden layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture shows at most {0} units a layer: make it wider in the layer list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a unit to layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a unit from layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no hidden layer to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove hidden layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That would make the network too large to draw unit by unit (at most {0} units a layer, {1} in all): make it larger in the layer list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a hidden layer before the output layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the last unit of layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} hidden layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feature {0}: click to inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer {0}, unit {1}: click to inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer {0}: W[{1}, {2}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer {0}: W[{1}, {2}] = {3}
∂L/∂W[{1}, {2}] = {4}
click to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nesterov: step along g + μv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to the root of the squared-gradient average, so it never divides by 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdamW shrinks the weights by lr·decay each step, apart from the gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clip the gradient&apos;s global norm at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clip every gradient value to ±</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the learning rate changes with the steps; a schedule chosen while training counts from then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The factor per period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where cosine ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum μ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>β₁ (first moment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>β₂ (second moment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ε</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α (RMSProp smoothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay (AdamW)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps per period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>γ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps to the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to this project before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({0} terms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backward wrote {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂W[{0}, {1}] = Σ over the {2} examples of x[{0}, m] · δ[{1}, m]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>g&apos;(z[{0}]) multiplies a zero: (∂L/∂a)[{0}] = 0, so δ[{0}] = 0 whatever g&apos; is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the loss: {0}, with ŷ = {1}, y = {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from layer {0} above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed down by layer {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({0} terms, {1} of them not 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>click a cell of z to write out its convolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>click a weight of ∂L/∂K to write out its gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>click a pixel of x to find it in the vector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>click a cell of {0} to follow it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example {0} of the batch&apos;s {1} is drawn (choose it below); {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example {0} of the batch: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out[c, i, j] = max over u, v &lt; {0} of x[c, s·i + u, s·j + v]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out[c, i, j] = 1/{0} · Σ over u, v &lt; {1} of x[c, s·i + u, s·j + v]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂x[c, y, x] = Σ of ∂L/∂out[c, i, j] over the windows whose max is x[c, y, x]; 0 elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂x[c, y, x] = Σ of ∂L/∂out[c, i, j] / {0} over the windows that hold x[c, y, x]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same values, channel by channel and row by row: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out[c] = 1/(H·W) · Σ over y, x of x[c, y, x]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>z[f, i, j] = Σ over c, u, v of K[c, u, v, f] · {0}[c, s·i + u, s·j + v] + b[f]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K ({0}), one example: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x_pad: x padded with zeros, {0} before and {1} after, across and down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x_pad: x padded with zeros, {0} on each side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no padding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂K[c, u, v, f] = Σ over every i, j of δ[f, i, j] · {0}[c, s·i + u, s·j + v]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂b[f] = Σ over i, j of δ[f, i, j]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂K[c, u, v, f] = Σ over the {0} examples m and every i, j of δ[f, i, j, m] · {1}[c, s·i + u, s·j + v, m]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂b[f] = Σ over m, i, j of δ[f, i, j, m]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂{0}[c, s·i + u, s·j + v] += K[c, u, v, f] · δ[f, i, j] for every f, u, v, i, j</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>then the padding is cut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂K slides δ over the input, as ∂L/∂W = x δᵀ in a Dense layer: ∂z/∂K brings the input, and the update subtracts the gradient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max pooling has no parameters: its gradient goes only where the max came from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maps are drawn for one example: each holds a channel&apos;s H×W values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cell z[{0}, {1}, {2}] is the kernel of filter {0} over the outlined patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forward wrote {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the {0}×{1} positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the {0} examples and {1}×{2} positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂K[{0}, {1}, {2}, {3}] = Σ over {4} of δ[{3}, i, j{8}] · {5}[{0}, {6}, {7}{8}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂x[{0}, {1}, {2}] = Σ of K[{0}, u, v, f] · δ[f, i, j] over the (u, v, i, j, f) that reach it = {3} = {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from x[{0}, {1}, {2}], the position its gradient will flow to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mean of the {0}×{0} window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂out[{0}, {1}, {2}] = {3} flows to x[{0}, {4}, {5}] alone: the max of its window, where the forward pass took it from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the other {0} pixels of the window get 0 from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂out[{0}, {1}, {2}] = {3} is shared by the {4} pixels of its window: {3} / {4} = {5} each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>windows overlap: the shares of every window that holds it add up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂x[{0}, y, x] = ∂L/∂out[{0}] / {1} = {2} / {1} = {3} on each pixel of map {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which training example to step through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step through this example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace one training step on this example alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current mini-batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace the next training step on its mini-batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause training, then step through one example or the current mini-batch to see one training step here, layer by layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phases of the step: click one to go there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the previous phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To end of forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the last layer of the forward pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To end of backward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the last layer of the backward pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write this step&apos;s new weights into the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the network as it was before this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whose parameters the update phase shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which of the layer&apos;s parameters the update phase follows from its gradient to its change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row i of the weight W[i, j] to take apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column j of the weight W[i, j] to take apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which example of the batch to follow back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W[i, j]: i</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>j</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward · layer {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backward · layer {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shapes are rows × columns; x, z and a hold one column per example.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The loss applies σ or softmax itself, fused with the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂W is x δᵀ: ∂z/∂W brings the input x (not Wᵀ), and the update subtracts the gradient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over the features of each example: ({0}) → ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropout is off outside training: ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>m = 1/(1 − p) kept with probability 1 − p, else 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>x̂ = (x − μ)/√(σ² + ε),  μ and σ² over the batch, per feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>f: the layers inside the block; ({0}) → ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂b = Σ over the batch of δ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂γ = Σ over the batch of (∂L/∂y) ⊙ x̂</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂β = Σ over the batch of ∂L/∂y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂x = ∂L/∂out + (∂L/∂x through f)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step was traced without an optimizer: it has no update.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>× {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>factor {0} ≥ 1: not clipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‖g‖ = {0} over all parameters, c = {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>c = {0}: {1} of {2} entries clipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>largest |Δ{0}| = {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: from the optimizer&apos;s state after this step. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply update writes these values into the network; Discard leaves it as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from backprop; the penalty applies to the weights W only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from backprop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1} schedule, base {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W[{1}, {2}] of layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weight: type a value and press Enter, or step it with the arrows (from −1,000 to 1,000). Undo (Ctrl+Z) sets it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deselect the link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {0}, W[{1}, {2}] =</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weight from input {1} of layer {0} to its unit {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train or step once to see it: the weights come from training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂W = {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>∂L/∂W: no step yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gradient of the loss with respect to this weight, at step {0:,}: it does not change with an edit until the next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause training to edit a weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run {0} was set in is gone (the network or the data changed since), so there is nothing to set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} set to {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccuracyPlot</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivationPlot</name>
    <message>
        <source>activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share of values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saturated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparePlot</name>
    <message>
        <source>Test loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient norm ‖∂L/∂W‖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update ratio ‖ΔW‖ / ‖W‖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the runs are compared on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The layer whose weights&apos; gradient norm or update ratio is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the kept runs to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep a run (Keep, or K) to compare the next one with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControlBar</name>
    <message>
        <source>Load a ready-made network, its training settings and dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on one batch, then pause (Right arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over from freshly initialized weights (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this run for comparison with the next in the Compare tab (K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 step a frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 steps a frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 steps a frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 epoch a frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much training each frame shows, 30 frames a second: one step to watch every update, one epoch as TensorFlow Playground goes, or as fast as it goes. Applies at once; Step is always one step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step size of each update; applies at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A learning rate of {value} is far above the usual 0.0001 to 1: training will likely diverge. It applies all the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch holds at least one example: {typed} became {became}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training data has {maximum} examples, so a batch of {typed} became {became}, all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples per update; applies at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How gradients become updates; switching keeps the weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More optimizer settings: momentum, Adam&apos;s betas, gradient clipping, the learning-rate schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A penalty on large weights: L1 pushes them to zero, L2 shrinks them; applies at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regularization rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How strong the penalty is; applies at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optimizer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regularization:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The arithmetic runs on the CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CuPy (GPU)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The arithmetic runs on the NVIDIA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>here, CuPy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>here, NumPy: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CuPy where it works, else NumPy ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the arithmetic runs; changing it moves the weights and the optimizer&apos;s state across, and training goes on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start or pause training (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataDownloads</name>
    <message>
        <source>Download {0}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not on this computer yet. Download it now? It is kept in {1} for next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} not downloaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading {0}: {1:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not on this computer, and downloading it needs torchvision, which is not installed ({1}). If you have its files, {2}, choose the folder that holds them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder with {0}&apos;s files: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} not loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise in percent: how far labels stray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the points used for training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A set needs at least {minimum} points to split and train on: {typed} became {became}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {maximum} points, so that the picture stays quick to draw: {typed} became {became}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many points to generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same seed gives the same points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New points from the next seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed {0} to the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read its files from a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the image set&apos;s own files (IDX, or CIFAR-10&apos;s batches) from a folder on this computer, without downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Circle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclusive or (XOR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixture of Gaussians (regression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sine wave (regression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handwritten digits, 8×8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Iris flowers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breast cancer diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diabetes progression (regression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MNIST digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fashion-MNIST clothes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kuzushiji-MNIST characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CIFAR-10 photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} Not downloaded yet: the first load downloads it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} Not on this computer, and downloading needs torchvision: choosing it offers to read its files from a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionBoundaryView</name>
    <message>
        <source>Click a training point to step through backpropagation on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the network&apos;s output again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the predicted class (or sign) instead of the smooth output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the test points too, ringed in black</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input feature {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer {0}, unit {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing {0}, under the pointer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing input feature {0} — click to go back to the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing layer {0}, unit {1} — click to go back to the output</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeatureMapsView</name>
    <message>
        <source>One test image through every layer shows here once training starts (Train or Step).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which test image to follow through the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer {0}
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each layer&apos;s output for this test image, as it is now: a tile per map. Blue above zero, orange below, each layer on its own scale; hover over a value to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicted {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true class {0} · predicted {1} ({2:.0%})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiltersView</name>
    <message>
        <source>Each Conv2D layer&apos;s kernels show here as they learn, once training starts (Train or Step).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer {0}
{1}
{2} → {3} maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K[c, :, :, f] of each Conv2D layer: a row per input channel c, a column per filter f. Blue above zero, orange below, each layer on its own scale; hover over a weight to read it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientCheck</name>
    <message>
        <source>Check this gradient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare this layer&apos;s gradients with finite differences in float64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking against finite differences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gradient check failed to run: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer {0} has no parameters; across the network the largest relative error is {1:.1e}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DISAGREE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finite differences and the hand-written gradients {0} (max relative error {1}; below {2:.0e} agrees).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GradientPlot</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‖∂L/∂W‖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exploding gradients: layer {0}&apos;s gradient norm is {1:.1e}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vanishing gradients: layer {0} gets no gradient at all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vanishing gradients: layer {0} gets 1/{1} of the gradient of layer {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerBuilder</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the layer type chosen in the palette after the selected layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected layer (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the last edit of the network (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo the edit just undone (Ctrl+Shift+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cross_entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary_cross_entropy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What training minimizes; classification losses take the raw outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move layer {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set {0} of layer {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the {0} loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the output layer to the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0:,} parameters in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} in the block</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerInspector</name>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output std</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead / saturated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‖∂L/∂W‖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‖ΔW‖ / ‖W‖</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much the last step changed the weights, relative to their size. About 1e-3 is healthy; far above, the learning rate is too high; far below, too low.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‖ΔW‖ / ‖W‖: blue between 1e-4 and 1e-2, where training moves at a healthy pace; orange outside, where the learning rate is likely too high or too low.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saturated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too large: lower the learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too small: the weights barely move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (all the weights in the block)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerProperties</name>
    <message>
        <source>Select a layer to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A layer has at least one unit: {typed} became {became}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A layer here has at most {maximum} units, so that training stays responsive: {typed} became {became}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many outputs the layer has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the weights W start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many kernels the layer slides over its input: one feature map each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The height and width of each kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stride</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far the kernel moves from one output to the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Padding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zeros around the input; &quot;same&quot; adds as many as keep its size (stride 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the kernels K start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The height and width of each window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far the window moves from one output to the next; by default its own size, so that windows do not overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flatten reads the maps before it as one flat vector, channel by channel and row by row, for the Dense layers after it. It has no settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GlobalAvgPool averages each map before it into one value: as many features as there are channels, whatever the size of the maps. It has no settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The function applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>α</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slope or scale of leaky ReLU and ELU below zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of units zeroed at each training step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How fast the running mean and variance follow the batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ε</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to the variance so that it is never divided by zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A residual block adds its input to its output. Drop layers onto it to put them inside; its last layer must give back as many features as it gets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The function g in a = g(z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bias init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the bias b starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Init scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiplies the initial weights; default keeps the initializer&apos;s own scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 1 is needed: {typed} became {became}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {maximum} %s here, so that training stays responsive: {typed} became {became}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerTable</name>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(batch, features), or for images (batch, channels, height, width)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the run in use for comparison, then make this change (Undo takes it back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train (mean of the last 5%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag a layer onto the network, or double-click it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stepper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded preset {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data: {0}. {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New data: {0} training points, features {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the network trained to step {0:,}: its weights and training state are restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network changed, so training starts over from new random weights. Undo (Ctrl+Z) brings back the run at step {0:,}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backend is now {0}: the weights and the optimizer&apos;s state move across, and training goes on from the same step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network cannot be saved while it is invalid: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch {0:06d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not trained yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · test accuracy {0:.1%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · {0} samples/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>epoch {0} · step {1:,}{2} · {3} · test loss {4:.4f}{5}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test loss and accuracy on the last {0:,} test examples, {1:,} of them measured at this update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test loss and accuracy on {0:,} test examples</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Hover over a cell to read its value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricsView</name>
    <message>
        <source>Rows: the true class. Columns: the class the network predicted. The diagonal is what it got right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confusion matrix: rows are the true class, columns the predicted one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scores on the test data appear here at the end of the first epoch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test data after epoch {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test data at step {0:,} (paused in epoch {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: loss {1:.4g}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: accuracy {1:.1%}, macro F1 {2:.3f}, loss {3:.4g}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of the {1} test examples of {2} predicted as {3} ({4:.0%})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The macro average: each class counts the same, however many examples it has.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <source>Check gradients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max relative error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the hand-written gradients with finite differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking gradients against finite differences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient check failed to run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient check {0}: largest relative error {1:.1e}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptimizerSettings</name>
    <message>
        <source>Optimizer settings: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ε</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipping norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipping value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>γ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The final rate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>{0}[*] — Backprop Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PyTorch is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to PyTorch writes code that uses PyTorch, and checks the weights with it. PyTorch is not installed: {0}. The NumPy script export needs nothing more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>onnx is not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to ONNX writes the model with the onnx package, which is not installed: {0}. The NumPy script export needs nothing more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to PyTorch: name the folder to write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the metric history to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {0} to the folder {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the ONNX model to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the NumPy script to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {0} at step {1:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backprop Playground did not close normally. Restore the work saved automatically at {0}?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunComparison</name>
    <message>
        <source>Nothing to keep yet: train first, then keep the run to compare the next one with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} runs are kept already, as many as a project holds: forget them (Run › Forget kept runs) to keep more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept run {0} at step {1:,} for comparison: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepperPanel</name>
    <message>
        <source>Hover over a pixel to read its value. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover over a cell to read its value; click a cell of ∂L/∂W to take that weight apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover over a cell to read its value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the backward phase of a Dense layer, this shows how the chain rule gives one weight&apos;s gradient, ∂L/∂W[i, j], with this step&apos;s numbers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepperWiring</name>
    <message>
        <source>Stepping through step {0}: Apply update trains on it, Discard leaves the weights as they are</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Backprop Playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New from preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To &amp;PyTorch (model, weights and train.py)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To &amp;ONNX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To a &amp;NumPy script…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric &amp;history as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language you chose applies when Backprop Playground starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep this run for comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget kept runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train or pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right arrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train one batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the run for comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Shift+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo / redo an edit of the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Up / Alt+Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Backprop Playground {0}&lt;/b&gt;&lt;br&gt;Build a network, train it, and step through backpropagation.&lt;br&gt;&lt;br&gt;Qt {1} · PySide6 {2} · NumPy {3} · pyqtgraph {4}&lt;br&gt;Backends: {5}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Backprop Playground</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
