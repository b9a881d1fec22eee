<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Dense</source>
        <translation>全连接</translation>
    </message>
    <message>
        <source>Every input feeds every unit: z = Wᵀx + b, then a = g(z)</source>
        <translation>每个输入都连到每个神经元：z = Wᵀx + b，然后 a = g(z)</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>max(0, z): passes positives, zeroes negatives</source>
        <translation>max(0, z)：正值通过，负值置零</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>z above zero, α·z below, so no unit dies</source>
        <translation>大于零时为 z，小于零时为 α·z，因此神经元不会“死亡”</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>z above zero, α(eᶻ − 1) below: smooth around zero</source>
        <translation>大于零时为 z，小于零时为 α(eᶻ − 1)：在零附近是平滑的</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>1 / (1 + e⁻ᶻ): squashes into (0, 1) and saturates</source>
        <translation>1 / (1 + e⁻ᶻ)：压缩到 (0, 1) 之间，两端会饱和</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>Squashes into (−1, 1), centred on zero</source>
        <translation>压缩到 (−1, 1) 之间，以零为中心</translation>
    </message>
    <message>
        <source>Softplus</source>
        <translation>Softplus</translation>
    </message>
    <message>
        <source>log(1 + eᶻ): a smooth ReLU</source>
        <translation>log(1 + eᶻ)：平滑的 ReLU</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>Turns outputs into probabilities that sum to 1</source>
        <translation>把输出变成和为 1 的概率</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Zeroes a random share of units while training, against overfitting</source>
        <translation>训练时随机把一部分神经元置零，以防过拟合</translation>
    </message>
    <message>
        <source>BatchNorm</source>
        <translation>批量归一化</translation>
    </message>
    <message>
        <source>Normalizes each feature over the batch, then scales and shifts it</source>
        <translation>在批量上对每个特征归一化，再缩放和平移</translation>
    </message>
    <message>
        <source>Residual</source>
        <translation>残差块</translation>
    </message>
    <message>
        <source>A block whose output is added to its input: a shortcut for gradients</source>
        <translation>输出与输入相加的块（残差连接）：梯度的捷径</translation>
    </message>
    <message>
        <source>Conv2D</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>Slides small kernels over the images: each filter makes a feature map, z = K ⋆ x + b, then a = g(z)</source>
        <translation>用小卷积核在图像上滑动：每个滤波器生成一张特征图，z = K ⋆ x + b，然后 a = g(z)</translation>
    </message>
    <message>
        <source>MaxPool</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <source>The largest value of each 2×2 window: halves the maps; the gradient flows to that value alone</source>
        <translation>取每个 2×2 窗口中的最大值：特征图减半；梯度只流向这个最大值</translation>
    </message>
    <message>
        <source>AvgPool</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <source>The mean of each 2×2 window: halves the maps; the gradient is shared across the window</source>
        <translation>取每个 2×2 窗口的平均值：特征图减半；梯度在窗口内平分</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>展平</translation>
    </message>
    <message>
        <source>Reads the maps as one flat vector, for the Dense layers after them</source>
        <translation>把特征图读成一个扁平向量，供后面的全连接层使用</translation>
    </message>
    <message>
        <source>GlobalAvgPool</source>
        <translation>全局平均池化</translation>
    </message>
    <message>
        <source>The mean of each map: one value per channel, in place of a Flatten</source>
        <translation>每张特征图取平均：每个通道一个值，可代替展平</translation>
    </message>
    <message>
        <source>Dense {0} {1}</source>
        <translation>全连接 {0} {1}</translation>
    </message>
    <message>
        <source>Dropout {0}</source>
        <translation>Dropout {0}</translation>
    </message>
    <message>
        <source>Conv2D {0} {1}×{1} {2}</source>
        <translation>卷积 {0} {1}×{1} {2}</translation>
    </message>
    <message>
        <source>1 map</source>
        <translation>1 张特征图</translation>
    </message>
    <message>
        <source>{0} maps</source>
        <translation>{0} 张特征图</translation>
    </message>
    <message>
        <source>{0} of {1}×{2}</source>
        <translation>{0}，每张 {1}×{2}</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>{0} parameters</source>
        <translation>{0} 个参数</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ or ‖∂L/∂K‖ of each layer with weights, log scale</source>
        <translation>每个有权重的层的 ‖∂L/∂W‖ 或 ‖∂L/∂K‖，对数刻度</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ of each Dense layer or block, log scale</source>
        <translation>每个全连接层或块的 ‖∂L/∂W‖，对数刻度</translation>
    </message>
    <message>
        <source>layer {0}: ‖∂L/∂{1}‖ = {2}</source>
        <translation>第 {0} 层：‖∂L/∂{1}‖ = {2}</translation>
    </message>
    <message>
        <source>The output layer&apos;s size is fixed by the data: it gives what the loss needs.</source>
        <translation>输出层的大小由数据决定：它给出损失函数所需的输出。</translation>
    </message>
    <message>
        <source>A layer needs at least one unit: remove the layer itself with the − beside the hidden layers.</source>
        <translation>一层至少要有一个神经元：要删除整层，请用隐藏层旁边的 −。</translation>
    </message>
    <message>
        <source>The picture shows at most {0} units a layer: make it wider in the layer list.</source>
        <translation>图中每层最多显示 {0} 个神经元：请在层列表中加宽它。</translation>
    </message>
    <message>
        <source>Add a unit to layer {0}</source>
        <translation>给第 {0} 层添加一个神经元</translation>
    </message>
    <message>
        <source>Remove a unit from layer {0}</source>
        <translation>从第 {0} 层删除一个神经元</translation>
    </message>
    <message>
        <source>There is no hidden layer to remove.</source>
        <translation>没有可删除的隐藏层。</translation>
    </message>
    <message>
        <source>Remove hidden layer {0}</source>
        <translation>删除隐藏层 {0}</translation>
    </message>
    <message>
        <source>Add a hidden layer</source>
        <translation>添加一个隐藏层</translation>
    </message>
    <message>
        <source>That would make the network too large to draw unit by unit (at most {0} units a layer, {1} in all): make it larger in the layer list.</source>
        <translation>这样网络会大到无法逐个画出神经元（每层最多 {0} 个，总共最多 {1} 个）：请在层列表中扩大它。</translation>
    </message>
    <message>
        <source>Add a hidden layer before the output layer</source>
        <translation>在输出层之前添加一个隐藏层</translation>
    </message>
    <message>
        <source>Remove the last hidden layer</source>
        <translation>删除最后一个隐藏层</translation>
    </message>
    <message>
        <source>Remove the last unit of layer {0}</source>
        <translation>删除第 {0} 层的最后一个神经元</translation>
    </message>
    <message>
        <source>{0} hidden layers</source>
        <translation>{0} 个隐藏层</translation>
    </message>
    <message>
        <source>1 hidden layer</source>
        <translation>1 个隐藏层</translation>
    </message>
    <message>
        <source>input feature {0}, {1}: click to inspect</source>
        <translation>输入特征 {0}，{1}：点击查看</translation>
    </message>
    <message>
        <source>layer {0}, unit {1}: click to inspect</source>
        <translation>第 {0} 层，神经元 {1}：点击查看</translation>
    </message>
    <message>
        <source>layer {0}: W[{1}, {2}]</source>
        <translation>第 {0} 层：W[{1}, {2}]</translation>
    </message>
    <message>
        <source>layer {0}: W[{1}, {2}] = {3}
∂L/∂W: no step yet
click to edit</source>
        <translation>第 {0} 层：W[{1}, {2}] = {3}
∂L/∂W：还没有训练步
点击编辑</translation>
    </message>
    <message>
        <source>layer {0}: W[{1}, {2}] = {3}
∂L/∂W[{1}, {2}] = {4}
click to edit</source>
        <translation>第 {0} 层：W[{1}, {2}] = {3}
∂L/∂W[{1}, {2}] = {4}
点击编辑</translation>
    </message>
    <message>
        <source>Nesterov: step along g + μv</source>
        <translation>Nesterov：沿 g + μv 方向更新</translation>
    </message>
    <message>
        <source>Added to the root of the squared-gradient average, so it never divides by 0</source>
        <translation>加在梯度平方平均值的平方根上，使其永不除以 0</translation>
    </message>
    <message>
        <source>AdamW shrinks the weights by lr·decay each step, apart from the gradient</source>
        <translation>AdamW 每步把权重缩小 lr·decay，与梯度分开</translation>
    </message>
    <message>
        <source>Clip the gradient&apos;s global norm at</source>
        <translation>把梯度的全局范数裁剪到</translation>
    </message>
    <message>
        <source>Clip every gradient value to ±</source>
        <translation>把每个梯度值裁剪到 ±</translation>
    </message>
    <message>
        <source>How the learning rate changes with the steps; a schedule chosen while training counts from then</source>
        <translation>学习率如何随步数变化；训练中选择的调度从选择时开始计算</translation>
    </message>
    <message>
        <source>The factor per period</source>
        <translation>每个周期的衰减因子</translation>
    </message>
    <message>
        <source>Where cosine ends</source>
        <translation>余弦调度结束时的值</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Momentum μ</source>
        <translation>动量 μ</translation>
    </message>
    <message>
        <source>β₁ (first moment)</source>
        <translation>β₁（一阶矩）</translation>
    </message>
    <message>
        <source>β₂ (second moment)</source>
        <translation>β₂（二阶矩）</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>α (RMSProp smoothing)</source>
        <translation>α（RMSProp 平滑）</translation>
    </message>
    <message>
        <source>Weight decay (AdamW)</source>
        <translation>权重衰减（AdamW）</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Steps per period</source>
        <translation>每个周期的步数</translation>
    </message>
    <message>
        <source>γ</source>
        <translation>γ</translation>
    </message>
    <message>
        <source>Steps to the end</source>
        <translation>到结束的步数</translation>
    </message>
    <message>
        <source>Final rate</source>
        <translation>最终学习率</translation>
    </message>
    <message>
        <source>Warm-up steps</source>
        <translation>预热步数</translation>
    </message>
    <message>
        <source>{0} must be a number, such as 0.5 or 1e-3; it is {1!r}.</source>
        <translation>{0}必须是数，例如 0.5 或 1e-3；现在是 {1!r}。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to this project first?</source>
        <translation>先保存对这个项目的更改吗？</translation>
    </message>
    <message>
        <source>({0} terms)</source>
        <translation>（{0} 项）</translation>
    </message>
    <message>
        <source>backward wrote {0}</source>
        <translation>反向传播写入了 {0}</translation>
    </message>
    <message>
        <source>∂L/∂W[{0}, {1}] = Σ over the {2} examples of x[{0}, m] · δ[{1}, m]</source>
        <translation>∂L/∂W[{0}, {1}] = 对 {2} 个样本求和 x[{0}, m] · δ[{1}, m]</translation>
    </message>
    <message>
        <source>For example {0} of the batch:</source>
        <translation>对批量中的样本 {0}：</translation>
    </message>
    <message>
        <source>g&apos;(z[{0}]) multiplies a zero: (∂L/∂a)[{0}] = 0, so δ[{0}] = 0 whatever g&apos; is</source>
        <translation>g&apos;(z[{0}]) 乘的是零：(∂L/∂a)[{0}] = 0，所以无论 g&apos; 是多少，δ[{0}] = 0</translation>
    </message>
    <message>
        <source>from the loss: {0}, with ŷ = {1}, y = {2}</source>
        <translation>来自损失函数：{0}，其中 ŷ = {1}，y = {2}</translation>
    </message>
    <message>
        <source>from layer {0} above</source>
        <translation>来自上面的第 {0} 层</translation>
    </message>
    <message>
        <source>passed down by layer {0} ({1})</source>
        <translation>由第 {0} 层（{1}）向下传递</translation>
    </message>
    <message>
        <source>({0} terms, {1} of them not 0)</source>
        <translation>（{0} 项，其中 {1} 项不为 0）</translation>
    </message>
    <message>
        <source>click a cell of z to write out its convolution</source>
        <translation>点击 z 的一个格子，展开它的卷积</translation>
    </message>
    <message>
        <source>click a weight of ∂L/∂K to write out its gradient</source>
        <translation>点击 ∂L/∂K 的一个权重，展开它的梯度</translation>
    </message>
    <message>
        <source>click a pixel of x to find it in the vector</source>
        <translation>点击 x 的一个像素，在向量中找到它</translation>
    </message>
    <message>
        <source>x is {0}×{1}, but its windows cover only {2}×{3} of it: {4}</source>
        <translation>x 是 {0}×{1}，但它的窗口只覆盖其中的 {2}×{3}：{4}</translation>
    </message>
    <message>
        <source>click a cell of {0} to follow it</source>
        <translation>点击 {0} 的一个格子来跟踪它</translation>
    </message>
    <message>
        <source>Example {0} of the batch&apos;s {1} is drawn (choose it below); {2}.</source>
        <translation>图中画的是批量中 {1} 个样本里的第 {0} 个（可在下方选择）；{2}。</translation>
    </message>
    <message>
        <source>For example {0} of the batch: {1}</source>
        <translation>对批量中的样本 {0}：{1}</translation>
    </message>
    <message>
        <source>out[c, i, j] = max over u, v &lt; {0} of x[c, s·i + u, s·j + v]</source>
        <translation>out[c, i, j] = 在 u, v &lt; {0} 上取 x[c, s·i + u, s·j + v] 的最大值</translation>
    </message>
    <message>
        <source>out[c, i, j] = 1/{0} · Σ over u, v &lt; {1} of x[c, s·i + u, s·j + v]</source>
        <translation>out[c, i, j] = 1/{0} · 在 u, v &lt; {1} 上对 x[c, s·i + u, s·j + v] 求和</translation>
    </message>
    <message>
        <source>∂L/∂x[c, h, w] = Σ of ∂L/∂out[c, i, j] over the windows whose max is x[c, h, w]; 0 elsewhere</source>
        <translation>∂L/∂x[c, h, w] = 对最大值为 x[c, h, w] 的窗口求 ∂L/∂out[c, i, j] 之和；其他位置为 0</translation>
    </message>
    <message>
        <source>∂L/∂x[c, h, w] = Σ of ∂L/∂out[c, i, j] / {0} over the windows that hold x[c, h, w]</source>
        <translation>∂L/∂x[c, h, w] = 对包含 x[c, h, w] 的窗口求 ∂L/∂out[c, i, j] / {0} 之和</translation>
    </message>
    <message>
        <source>the pixels beyond are left out</source>
        <translation>超出部分的像素被舍去</translation>
    </message>
    <message>
        <source>the same values, channel by channel and row by row: {0}</source>
        <translation>同样的值，按通道、按行排列：{0}</translation>
    </message>
    <message>
        <source>out[c] = 1/(H·W) · Σ over h, w of x[c, h, w]</source>
        <translation>out[c] = 1/(H·W) · 在 h, w 上对 x[c, h, w] 求和</translation>
    </message>
    <message>
        <source>z[f, i, j] = Σ over c, u, v of K[c, u, v, f] · {0}[c, s·i + u, s·j + v] + b[f]</source>
        <translation>z[f, i, j] = 在 c, u, v 上求和 K[c, u, v, f] · {0}[c, s·i + u, s·j + v] + b[f]</translation>
    </message>
    <message>
        <source>K ({0}), one example: {1}</source>
        <translation>K（{0}），一个样本：{1}</translation>
    </message>
    <message>
        <source>x_pad: x padded with zeros, {0} before and {1} after, across and down</source>
        <translation>x_pad：x 用零填充，横向和纵向前面 {0} 个、后面 {1} 个</translation>
    </message>
    <message>
        <source>x_pad: x padded with zeros, {0} on each side</source>
        <translation>x_pad：x 用零填充，每边 {0} 个</translation>
    </message>
    <message>
        <source>no padding</source>
        <translation>无填充</translation>
    </message>
    <message>
        <source>the pixels beyond get no gradient: 0</source>
        <translation>超出部分的像素没有梯度：为 0</translation>
    </message>
    <message>
        <source>∂L/∂K[c, u, v, f] = Σ over every i, j of δ[f, i, j] · {0}[c, s·i + u, s·j + v]</source>
        <translation>∂L/∂K[c, u, v, f] = 对所有 i, j 求和 δ[f, i, j] · {0}[c, s·i + u, s·j + v]</translation>
    </message>
    <message>
        <source>∂L/∂b[f] = Σ over i, j of δ[f, i, j]</source>
        <translation>∂L/∂b[f] = 对 i, j 求和 δ[f, i, j]</translation>
    </message>
    <message>
        <source>∂L/∂K[c, u, v, f] = Σ over the {0} examples m and every i, j of δ[f, i, j, m] · {1}[c, s·i + u, s·j + v, m]</source>
        <translation>∂L/∂K[c, u, v, f] = 对 {0} 个样本 m 和所有 i, j 求和 δ[f, i, j, m] · {1}[c, s·i + u, s·j + v, m]</translation>
    </message>
    <message>
        <source>∂L/∂b[f] = Σ over m, i, j of δ[f, i, j, m]</source>
        <translation>∂L/∂b[f] = 对 m, i, j 求和 δ[f, i, j, m]</translation>
    </message>
    <message>
        <source>∂L/∂{0}[c, s·i + u, s·j + v] += K[c, u, v, f] · δ[f, i, j] for every f, u, v, i, j</source>
        <translation>对所有 f, u, v, i, j：∂L/∂{0}[c, s·i + u, s·j + v] += K[c, u, v, f] · δ[f, i, j]</translation>
    </message>
    <message>
        <source>then the padding is cut off</source>
        <translation>然后去掉填充部分</translation>
    </message>
    <message>
        <source>∂L/∂K slides δ over the input, as ∂L/∂W = x δᵀ in a Dense layer: ∂z/∂K brings the input, and the update subtracts the gradient.</source>
        <translation>∂L/∂K 是让 δ 在输入上滑动，就像全连接层中的 ∂L/∂W = x δᵀ：∂z/∂K 带来输入，更新时减去梯度。</translation>
    </message>
    <message>
        <source>Max pooling has no parameters: its gradient goes only where the max came from.</source>
        <translation>最大池化没有参数：它的梯度只流向最大值所在的位置。</translation>
    </message>
    <message>
        <source>Maps are drawn for one example: each holds a channel&apos;s H×W values.</source>
        <translation>特征图画的是一个样本：每张是一个通道的 H×W 个值。</translation>
    </message>
    <message>
        <source>cell z[{0}, {1}, {2}] is the kernel of filter {0} over the outlined patch</source>
        <translation>格子 z[{0}, {1}, {2}] 是滤波器 {0} 的卷积核作用在框出区域上的结果</translation>
    </message>
    <message>
        <source>forward wrote {0}</source>
        <translation>前向传播写入了 {0}</translation>
    </message>
    <message>
        <source>the {0}×{1} positions</source>
        <translation>{0}×{1} 个位置</translation>
    </message>
    <message>
        <source>the {0} examples and {1}×{2} positions</source>
        <translation>{0} 个样本和 {1}×{2} 个位置</translation>
    </message>
    <message>
        <source>∂L/∂K[{0}, {1}, {2}, {3}] = Σ over {4} of δ[{3}, i, j{8}] · {5}[{0}, {6}, {7}{8}]</source>
        <translation>∂L/∂K[{0}, {1}, {2}, {3}] = 对{4}求和 δ[{3}, i, j{8}] · {5}[{0}, {6}, {7}{8}]</translation>
    </message>
    <message>
        <source>∂L/∂x[{0}, {1}, {2}] = Σ of K[{0}, u, v, f] · δ[f, i, j] over the (u, v, i, j, f) that reach it = {3} = {4}</source>
        <translation>∂L/∂x[{0}, {1}, {2}] = 对所有到达它的 (u, v, i, j, f) 求和 K[{0}, u, v, f] · δ[f, i, j] = {3} = {4}</translation>
    </message>
    <message>
        <source>from x[{0}, {1}, {2}], the position its gradient will flow to</source>
        <translation>来自 x[{0}, {1}, {2}]，也就是梯度将流回的位置</translation>
    </message>
    <message>
        <source>mean of the {0}×{0} window</source>
        <translation>{0}×{0} 窗口的平均值</translation>
    </message>
    <message>
        <source>∂L/∂out[{0}, {1}, {2}] = {3} flows to x[{0}, {4}, {5}] alone: the max of its window, where the forward pass took it from</source>
        <translation>∂L/∂out[{0}, {1}, {2}] = {3} 只流向 x[{0}, {4}, {5}]：它是窗口中的最大值，前向传播正是从这里取的</translation>
    </message>
    <message>
        <source>the other {0} pixels of the window get 0 from it</source>
        <translation>窗口中其余 {0} 个像素从它得到 0</translation>
    </message>
    <message>
        <source>∂L/∂out[{0}, {1}, {2}] = {3} is shared by the {4} pixels of its window: {3} / {4} = {5} each</source>
        <translation>∂L/∂out[{0}, {1}, {2}] = {3} 由窗口中的 {4} 个像素平分：每个 {3} / {4} = {5}</translation>
    </message>
    <message>
        <source>windows overlap: the shares of every window that holds it add up</source>
        <translation>窗口有重叠：包含它的每个窗口分到的梯度相加</translation>
    </message>
    <message>
        <source>∂L/∂x[{0}, h, w] = ∂L/∂out[{0}] / {1} = {2} / {1} = {3} on each pixel of map {0}</source>
        <translation>特征图 {0} 的每个像素：∂L/∂x[{0}, h, w] = ∂L/∂out[{0}] / {1} = {2} / {1} = {3}</translation>
    </message>
    <message>
        <source>Which training example to step through</source>
        <translation>要单步查看的训练样本</translation>
    </message>
    <message>
        <source>Step through this example</source>
        <translation>单步查看这个样本</translation>
    </message>
    <message>
        <source>Trace one training step on this example alone</source>
        <translation>只用这个样本记录一个训练步</translation>
    </message>
    <message>
        <source>Current mini-batch</source>
        <translation>当前小批量</translation>
    </message>
    <message>
        <source>Trace the next training step on its mini-batch</source>
        <translation>用下一步的小批量记录一个训练步</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Pause training, then step through one example or the current mini-batch to see one training step here, layer by layer.</source>
        <translation>暂停训练，然后单步查看一个样本或当前小批量，就能在这里逐层看到一个训练步。</translation>
    </message>
    <message>
        <source>The phases of the step: click one to go there</source>
        <translation>这一步的各个阶段：点击跳转</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一阶段</translation>
    </message>
    <message>
        <source>Go to the previous phase</source>
        <translation>转到上一个阶段</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一阶段</translation>
    </message>
    <message>
        <source>Go to the next phase</source>
        <translation>转到下一个阶段</translation>
    </message>
    <message>
        <source>To end of forward</source>
        <translation>跳到前向传播末尾</translation>
    </message>
    <message>
        <source>Go to the last layer of the forward pass</source>
        <translation>转到前向传播的最后一层</translation>
    </message>
    <message>
        <source>To end of backward</source>
        <translation>跳到反向传播末尾</translation>
    </message>
    <message>
        <source>Go to the last layer of the backward pass</source>
        <translation>转到反向传播的最后一层</translation>
    </message>
    <message>
        <source>Apply update</source>
        <translation>应用更新</translation>
    </message>
    <message>
        <source>Write this step&apos;s new weights into the network</source>
        <translation>把这一步的新权重写入网络</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Leave the network as it was before this step</source>
        <translation>让网络保持这一步之前的样子</translation>
    </message>
    <message>
        <source>Whose parameters the update phase shows</source>
        <translation>更新阶段显示哪一层的参数</translation>
    </message>
    <message>
        <source>Which of the layer&apos;s parameters the update phase follows from its gradient to its change</source>
        <translation>更新阶段跟踪该层的哪个参数，从梯度一直到它的变化</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Row i of the weight W[i, j] to take apart</source>
        <translation>要拆开的权重 W[i, j] 的行 i</translation>
    </message>
    <message>
        <source>Column j of the weight W[i, j] to take apart</source>
        <translation>要拆开的权重 W[i, j] 的列 j</translation>
    </message>
    <message>
        <source>Which example of the batch to follow back</source>
        <translation>要沿反向跟踪的批量中的样本</translation>
    </message>
    <message>
        <source>W[i, j]: i</source>
        <translation>W[i, j]：i</translation>
    </message>
    <message>
        <source>j</source>
        <translation>j</translation>
    </message>
    <message>
        <source>example</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Forward · layer {0} ({1})</source>
        <translation>前向传播 · 第 {0} 层（{1}）</translation>
    </message>
    <message>
        <source>Loss ({0})</source>
        <translation>损失（{0}）</translation>
    </message>
    <message>
        <source>Backward · layer {0} ({1})</source>
        <translation>反向传播 · 第 {0} 层（{1}）</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>∂L/∂x through f</source>
        <translation>经过 f 的 ∂L/∂x</translation>
    </message>
    <message>
        <source>Shapes are rows × columns; x, z and a hold one column per example.</source>
        <translation>形状写作 行 × 列；x、z 和 a 中每个样本占一列。</translation>
    </message>
    <message>
        <source>The loss applies σ or softmax itself, fused with the log.</source>
        <translation>损失函数自己完成 σ 或 softmax，并与 log 合并计算。</translation>
    </message>
    <message>
        <source>Each backward phase takes ∂L/∂ of its output from the layer above and passes ∂L/∂x, of its input, to the layer below.</source>
        <translation>每个反向阶段从上一层接过对其输出的 ∂L/∂，再把对其输入的 ∂L/∂x 传给下一层。</translation>
    </message>
    <message>
        <source>∂L/∂W = x δᵀ: ∂z/∂W brings x, not the seed article&apos;s Wᵀ, and the article&apos;s minus is the update&apos;s.</source>
        <translation>∂L/∂W = x δᵀ：∂z/∂W 带来的是 x，不是原文写的 Wᵀ；原文的负号属于更新这一步。</translation>
    </message>
    <message>
        <source>over the features of each example: ({0}) → ({1})</source>
        <translation>在每个样本的特征上：({0}) → ({1})</translation>
    </message>
    <message>
        <source>dropout is off outside training: ({0})</source>
        <translation>训练之外 Dropout 不起作用：({0})</translation>
    </message>
    <message>
        <source>m = 1/(1 − p) kept with probability 1 − p, else 0</source>
        <translation>m 以概率 1 − p 取 1/(1 − p)（保留），否则为 0</translation>
    </message>
    <message>
        <source>x̂ = (x − μ)/√(σ² + ε),  μ and σ² over the batch, per feature</source>
        <translation>x̂ = (x − μ)/√(σ² + ε)，μ 和 σ² 按特征在批量上计算</translation>
    </message>
    <message>
        <source>f: the layers inside the block; ({0}) → ({1})</source>
        <translation>f：块内的各层；({0}) → ({1})</translation>
    </message>
    <message>
        <source>= {0}, the penalty: left out of L and of the Loss tab; its gradient {1} joins g in the update</source>
        <translation>= {0}，即惩罚项：不计入 L，也不计入“损失函数”标签页；它的梯度 {1} 在更新中加到 g 上</translation>
    </message>
    <message>
        <source>ŷ is the last layer&apos;s output itself; n counts the examples of the batch, k the outputs of each.</source>
        <translation>ŷ 就是最后一层的输出本身；n 是批量中的样本数，k 是每个样本的输出数。</translation>
    </message>
    <message>
        <source>∂L/∂b = Σ over the batch of δ</source>
        <translation>∂L/∂b = δ 在批量上求和</translation>
    </message>
    <message>
        <source>∂L/∂γ = Σ over the batch of (∂L/∂y) ⊙ x̂</source>
        <translation>∂L/∂γ = (∂L/∂y) ⊙ x̂ 在批量上求和</translation>
    </message>
    <message>
        <source>∂L/∂β = Σ over the batch of ∂L/∂y</source>
        <translation>∂L/∂β = ∂L/∂y 在批量上求和</translation>
    </message>
    <message>
        <source>∂L/∂x = ∂L/∂out + (∂L/∂x through f)</source>
        <translation>∂L/∂x = ∂L/∂out +（经过 f 的 ∂L/∂x）</translation>
    </message>
    <message>
        <source>{0} before</source>
        <translation>更新前的 {0}</translation>
    </message>
    <message>
        <source>{0} after</source>
        <translation>更新后的 {0}</translation>
    </message>
    <message>
        <source>This step was traced without an optimizer: it has no update.</source>
        <translation>这一步记录时没有优化器：没有更新。</translation>
    </message>
    <message>
        <source>× {0}</source>
        <translation>× {0}</translation>
    </message>
    <message>
        <source>factor {0} ≥ 1: not clipped</source>
        <translation>因子 {0} ≥ 1：不裁剪</translation>
    </message>
    <message>
        <source>‖g‖ = {0} over all parameters, c = {1}: {2}</source>
        <translation>所有参数上 ‖g‖ = {0}，c = {1}：{2}</translation>
    </message>
    <message>
        <source>c = {0}: {1} of {2} entries clipped</source>
        <translation>c = {0}：{2} 个元素中裁剪了 {1} 个</translation>
    </message>
    <message>
        <source>largest |Δ{0}| = {1}</source>
        <translation>最大的 |Δ{0}| = {1}</translation>
    </message>
    <message>
        <source>Δ{0} = {0} after − {0} before</source>
        <translation>Δ{0} = 更新后的 {0} − 更新前的 {0}</translation>
    </message>
    <message>
        <source>{0} of {1} entries did not change</source>
        <translation>{1} 个元素中有 {0} 个没有改变</translation>
    </message>
    <message>
        <source>their step, at most {0}, is too small for {1} to add to their values</source>
        <translation>它们的步长最大为 {0}，小到 {1} 加到其值上时被舍入掉</translation>
    </message>
    <message>
        <source>{0}: from the optimizer&apos;s state after this step. </source>
        <translation>{0}：来自这一步之后的优化器状态。</translation>
    </message>
    <message>
        <source>t counts {0}&apos;s own steps, from 1 at the first step after {0} was chosen or the run began: switching optimizers starts m, v and t afresh. </source>
        <translation>t 计的是 {0} 自己的步数：从选用 {0}（或运行开始）后的第一步记为 1，而不是整个运行的步数；换用别的优化器会让 m、v 和 t 从头开始。</translation>
    </message>
    <message>
        <source>Apply update writes these values into the network; Discard leaves it as it was.</source>
        <translation>“应用更新”把这些值写入网络；“丢弃”让网络保持原样。</translation>
    </message>
    <message>
        <source>from backprop; the penalty applies to the weights W only</source>
        <translation>来自反向传播；惩罚项只作用于权重 W</translation>
    </message>
    <message>
        <source>from backprop</source>
        <translation>来自反向传播</translation>
    </message>
    <message>
        <source>constant rate</source>
        <translation>恒定学习率</translation>
    </message>
    <message>
        <source>step decay</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <source>exponential decay</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <source>{0} (warm-up over the first {1} steps up to {2}, then {3})</source>
        <translation>{0}（前 {1} 步预热，逐渐升到 {2}，之后为{3}）</translation>
    </message>
    <message>
        <source>{0} ({1} schedule, base {2})</source>
        <translation>{0}（{1}调度，基础值 {2}）</translation>
    </message>
    <message>
        <source>W[{1}, {2}] of layer {0}</source>
        <translation>第 {0} 层的 W[{1}, {2}]</translation>
    </message>
    <message>
        <source>Set {0} to {1}</source>
        <translation>把 {0} 设为 {1}</translation>
    </message>
    <message>
        <source>The weight: type a value and press Enter, or step it with the arrows (from −1,000 to 1,000). Undo (Ctrl+Z) sets it back.</source>
        <translation>权重：输入一个值并按回车，或用箭头调整（−1,000 到 1,000）。撤销（Ctrl+Z）可恢复原值。</translation>
    </message>
    <message>
        <source>Deselect the link</source>
        <translation>取消选择这条连接</translation>
    </message>
    <message>
        <source>Layer {0}, W[{1}, {2}] =</source>
        <translation>第 {0} 层，W[{1}, {2}] =</translation>
    </message>
    <message>
        <source>The weight from input {1} of layer {0} to its unit {2}</source>
        <translation>第 {0} 层从输入 {1} 到神经元 {2} 的权重</translation>
    </message>
    <message>
        <source>Train or step once to see it: the weights come from training.</source>
        <translation>训练或单步一次才能看到：权重来自训练。</translation>
    </message>
    <message>
        <source>∂L/∂W = {0}</source>
        <translation>∂L/∂W = {0}</translation>
    </message>
    <message>
        <source>∂L/∂W: no step yet</source>
        <translation>∂L/∂W：还没有训练步</translation>
    </message>
    <message>
        <source>The gradient of the loss with respect to this weight, at step {0:,}: it does not change with an edit until the next step</source>
        <translation>第 {0:,} 步时损失对这个权重的梯度：编辑后要到下一步才会改变</translation>
    </message>
    <message>
        <source>Pause training to edit a weight.</source>
        <translation>请先暂停训练再编辑权重。</translation>
    </message>
    <message>
        <source>The run {0} was set in is gone (the network or the data changed since), so there is nothing to set.</source>
        <translation>设置 {0} 时的那次运行已经不在了（此后网络或数据变了），所以没有可设置的对象。</translation>
    </message>
    <message>
        <source>{0} set to {1}</source>
        <translation>{0} 已设为 {1}</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}、{1}</translation>
    </message>
    <message>
        <source>{0} {1}</source>
        <translation>{0}{1}</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>uniform</source>
        <translation>均匀分布</translation>
    </message>
    <message>
        <source>normal</source>
        <translation>正态分布</translation>
    </message>
    <message>
        <source>Xavier uniform</source>
        <translation>Xavier 均匀分布</translation>
    </message>
    <message>
        <source>Xavier normal</source>
        <translation>Xavier 正态分布</translation>
    </message>
    <message>
        <source>He uniform</source>
        <translation>He 均匀分布</translation>
    </message>
    <message>
        <source>He normal</source>
        <translation>He 正态分布</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>均方误差 (MSE)</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <source>cosine annealing</source>
        <translation>余弦退火</translation>
    </message>
    <message>
        <source>None</source>
        <translation>批量</translation>
    </message>
    <message>
        <source> stride {0}</source>
        <translation> 步幅 {0}</translation>
    </message>
    <message>
        <source>Training diverged at step {0}: {1}. The weights are back to those of step {2}, kept before the loss blew up; lower the learning rate or turn on gradient clipping, then resume.</source>
        <translation>训练在第 {0} 步发散：{1}。权重已退回到损失爆炸之前保存的第 {2} 步；请调低学习率或开启梯度裁剪，然后继续训练。</translation>
    </message>
    <message>
        <source>Training diverged at step {0}: {1}. The weights of step {2} are finite but give a non-finite loss too; reset the network, lower the learning rate, then train again.</source>
        <translation>训练在第 {0} 步发散：{1}。第 {2} 步的权重虽是有限值，但给出的损失同样不是有限值；请重置网络、调低学习率，然后重新训练。</translation>
    </message>
    <message>
        <source>the weights {0} of layer {1} became {2}</source>
        <translation>第 {1} 层的权重 {0} 变成了 {2}</translation>
    </message>
    <message>
        <source>layer {0} ({1}) gave {2} in its output</source>
        <translation>第 {0} 层（{1}）的输出中出现了 {2}</translation>
    </message>
    <message>
        <source>the loss became {0}</source>
        <translation>损失变成了 {0}</translation>
    </message>
    <message>
        <source>the gradient of layer {0} ({1}) {2} became {3}</source>
        <translation>第 {0} 层（{1}）{2} 的梯度变成了 {3}</translation>
    </message>
    <message>
        <source>the loss or a gradient became NaN or Inf</source>
        <translation>损失或某个梯度变成了 NaN 或 Inf</translation>
    </message>
    <message>
        <source>use a smaller batch size or make its layers smaller</source>
        <translation>请用更小的批量大小，或把各层改小</translation>
    </message>
    <message>
        <source>Paused at the end of epoch {0}, where training was set to stop.</source>
        <translation>已在第 {0} 轮结束时暂停，这是设定的停止轮次。</translation>
    </message>
    <message>
        <source>There are {0} training examples, numbered 0 to {1}: pick one of those.</source>
        <translation>共有 {0} 个训练样本，编号为 0 到 {1}：请从中选择一个。</translation>
    </message>
    <message>
        <source>The step traced gives a loss of {0:.4g} and non-finite weights, so it was not applied and the weights stay as they were; lower the learning rate or turn on gradient clipping, or reset the network.</source>
        <translation>记录的这一步给出损失 {0:.4g} 和非有限的权重，因此没有应用，权重保持原样；请调低学习率或开启梯度裁剪，或者重置网络。</translation>
    </message>
    <message>
        <source>W[{0}, {1}] of layer {2} has changed since that edit (training or a reset moved it), so it stays as it is.</source>
        <translation>第 {2} 层的 W[{0}, {1}] 在那次编辑之后已经变了（训练或重置改动了它），因此保持现状。</translation>
    </message>
    <message>
        <source>{0} Training stays on {1}.</source>
        <translation>{0} 训练仍在 {1} 上进行。</translation>
    </message>
    <message>
        <source>There is no dataset {0!r}: choose one of {1}.</source>
        <translation>没有名为 {0!r} 的数据集：请从 {1} 中选择一个。</translation>
    </message>
    <message>
        <source>The bundled file {0} cannot be read ({1}): reinstall the app.</source>
        <translation>无法读取内置文件 {0}（{1}）：请重新安装本应用。</translation>
    </message>
    <message>
        <source>disease progression</source>
        <translation>病情进展</translation>
    </message>
    <message>
        <source>Choose a CSV file to load.</source>
        <translation>请选择要加载的 CSV 文件。</translation>
    </message>
    <message>
        <source>{0} is {1:.0f} MiB; files up to {2} MiB can be loaded: use a sample of its rows.</source>
        <translation>{0} 有 {1:.0f} MiB；最多只能加载 {2} MiB 的文件：请只取其中一部分行。</translation>
    </message>
    <message>
        <source>Cannot read {0} ({1}): check the path.</source>
        <translation>无法读取 {0}（{1}）：请检查路径。</translation>
    </message>
    <message>
        <source>{0} is not UTF-8 text (byte {1} cannot be read): save it as UTF-8 CSV.</source>
        <translation>{0} 不是 UTF-8 文本（位置 {1} 的字节无法读取）：请把它另存为 UTF-8 编码的 CSV。</translation>
    </message>
    <message>
        <source>The file has fewer than 2 data rows: at least 2 are needed to split into training and test data.</source>
        <translation>文件的数据行少于 2 行：至少需要 2 行才能划分出训练集和测试集。</translation>
    </message>
    <message>
        <source>Line {0}: the target column {1!r} is empty: fill it or remove the row.</source>
        <translation>第 {0} 行的目标列 {1!r} 是空的：请填上它或删除这一行。</translation>
    </message>
    <message>
        <source>Line {0}: the target column {1!r} holds {2!r}: a numeric target must be finite numbers, so fix or remove the row.</source>
        <translation>第 {0} 行的目标列 {1!r} 是 {2!r}：数值目标必须是有限的数，请修正或删除这一行。</translation>
    </message>
    <message>
        <source>The file is empty: choose a CSV file with a header and rows of numbers.</source>
        <translation>文件是空的：请选择一个有表头和若干行数字的 CSV 文件。</translation>
    </message>
    <message>
        <source>Line {0} cannot be read as CSV ({1}): fix or remove it.</source>
        <translation>第 {0} 行无法按 CSV 读取（{1}）：请修正或删除这一行。</translation>
    </message>
    <message>
        <source>The file has one column: it needs at least one feature column and a target column.</source>
        <translation>文件只有一列：至少需要一个特征列和一个目标列。</translation>
    </message>
    <message>
        <source>Line {0} has {1} values, but the header has {2}: every row needs the same number of columns.</source>
        <translation>第 {0} 行有 {1} 个值，但表头有 {2} 个：每行的列数必须相同。</translation>
    </message>
    <message>
        <source>Line {0} has {1} values, but the first row has {2}: every row needs the same number of columns.</source>
        <translation>第 {0} 行有 {1} 个值，但第一行有 {2} 个：每行的列数必须相同。</translation>
    </message>
    <message>
        <source>The file has a header but no data rows: add rows of numbers.</source>
        <translation>文件只有表头，没有数据行：请添加若干行数字。</translation>
    </message>
    <message>
        <source>Line {0}, column {1!r} is empty: fill it or remove the row.</source>
        <translation>第 {0} 行的 {1!r} 列是空的：请填上它或删除这一行。</translation>
    </message>
    <message>
        <source>Line {0}, column {1!r} holds {2!r}, which is not a number: features must be numbers (choose it as the target, or remove it).</source>
        <translation>第 {0} 行的 {1!r} 列是 {2!r}，不是数字：特征必须是数字（请把这一列选为目标，或删除它）。</translation>
    </message>
    <message>
        <source>Line {0}, column {1!r} holds {2!r}: features must be finite numbers.</source>
        <translation>第 {0} 行的 {1!r} 列是 {2!r}：特征必须是有限的数。</translation>
    </message>
    <message>
        <source>There is no column {0!r}: choose one of {1}.</source>
        <translation>没有名为 {0!r} 的列：请从 {1} 中选择一个。</translation>
    </message>
    <message>
        <source>The target column {0!r} holds text, so it cannot be a regression target: choose classification or another column.</source>
        <translation>目标列 {0!r} 中是文本，不能作为回归目标：请选择分类，或换一列。</translation>
    </message>
    <message>
        <source>The target column {0!r} has only one class ({1!r}): a classifier needs two or more.</source>
        <translation>目标列 {0!r} 只有一个类别（{1!r}）：分类器至少需要两个类别。</translation>
    </message>
    <message>
        <source>The target column {0!r} has {1} classes: {2} needs exactly two.</source>
        <translation>目标列 {0!r} 有 {1} 个类别：{2} 需要恰好两个类别。</translation>
    </message>
    <message>
        <source>The network takes inputs of shape {0}, but {1} gives {2} values: make the first layer match the data.</source>
        <translation>网络接收形状为 {0} 的输入，但 {1} 给出的是 {2} 个值：请让第一层与数据匹配。</translation>
    </message>
    <message>
        <source>The network takes inputs of shape {0}, but {1} gives images of shape {2} ({3} values flat): make the first layer match the data.</source>
        <translation>网络接收形状为 {0} 的输入，但 {1} 给出的是形状为 {2} 的图像（展平后 {3} 个值）：请让第一层与数据匹配。</translation>
    </message>
    <message>
        <source>The {0} loss does not fit data of two classes: choose {1}.</source>
        <translation>损失函数“{0}”不适合两个类别的数据：请选择“{1}”。</translation>
    </message>
    <message>
        <source>The {0} loss does not fit data of {1} classes: choose {2}.</source>
        <translation>损失函数“{0}”不适合 {1} 个类别的数据：请选择“{2}”。</translation>
    </message>
    <message>
        <source>The {0} loss does not fit data whose targets are numbers, not classes: choose {1}.</source>
        <translation>损失函数“{0}”不适合目标是数值而不是类别的数据：请选择“{1}”。</translation>
    </message>
    <message>
        <source>Two classes take one output, the chance of the second; layer {0} gives {1}: give it 1 unit.</source>
        <translation>两个类别只需一个输出，即属于第二类的概率；第 {0} 层给出 {1} 个：请给它 1 个神经元。</translation>
    </message>
    <message>
        <source>The data has {0} classes, so the network needs {0} outputs; layer {1} gives {2}: give it {0} units.</source>
        <translation>数据有 {0} 个类别，所以网络需要 {0} 个输出；第 {1} 层给出 {2} 个：请给它 {0} 个神经元。</translation>
    </message>
    <message>
        <source>The data has 1 target values per example, so the network needs 1 outputs; layer {0} gives {1}: give it 1 unit.</source>
        <translation>数据的每个样本有 1 个目标值，所以网络需要 1 个输出；第 {0} 层给出 {1} 个：请给它 1 个神经元。</translation>
    </message>
    <message>
        <source>The data has {0} target values per example, so the network needs {0} outputs; layer {1} gives {2}: give it {0} units.</source>
        <translation>数据的每个样本有 {0} 个目标值，所以网络需要 {0} 个输出；第 {1} 层给出 {2} 个：请给它 {0} 个神经元。</translation>
    </message>
    <message>
        <source>The dataset settings must be an object such as {0}.</source>
        <translation>数据集设置必须是一个对象，例如 {0}。</translation>
    </message>
    <message>
        <source>The dataset settings</source>
        <translation>数据集设置</translation>
    </message>
    <message>
        <source>The dataset settings need a name, such as {0} or {1}.</source>
        <translation>数据集设置需要一个名称，例如 {0} 或 {1}。</translation>
    </message>
    <message>
        <source>The dataset seed</source>
        <translation>数据集的随机种子</translation>
    </message>
    <message>
        <source>The train/test ratio</source>
        <translation>训练/测试比例</translation>
    </message>
    <message>
        <source>The number of points</source>
        <translation>点的数量</translation>
    </message>
    <message>
        <source>The noise (in percent)</source>
        <translation>噪声（百分比）</translation>
    </message>
    <message>
        <source>Choose at least one input feature, such as {0}.</source>
        <translation>请至少选择一个输入特征，例如 {0}。</translation>
    </message>
    <message>
        <source>The normalization</source>
        <translation>归一化方式</translation>
    </message>
    <message>
        <source>The subset mode</source>
        <translation>子集选取方式</translation>
    </message>
    <message>
        <source>The subset size</source>
        <translation>子集大小</translation>
    </message>
    <message>
        <source>The task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>{0} must be true or false.</source>
        <translation>{0} 必须是 true 或 false。</translation>
    </message>
    <message>
        <source>{0} must be text.</source>
        <translation>{0} 必须是文本。</translation>
    </message>
    <message>
        <source>There is 1 example: at least 2 are needed to split into training and test data.</source>
        <translation>只有 1 个样本：至少需要 2 个才能划分出训练集和测试集。</translation>
    </message>
    <message>
        <source>There are {0} examples: at least 2 are needed to split into training and test data.</source>
        <translation>只有 {0} 个样本：至少需要 2 个才能划分出训练集和测试集。</translation>
    </message>
    <message>
        <source>Column {0!r} holds values too large to train on once scaled (beyond ±3.4e38): rescale or remove it.</source>
        <translation>列 {0!r} 中有缩放后大到无法训练的值（超出 ±3.4e38）：请缩放或删除这一列。</translation>
    </message>
    <message>
        <source>The target holds values too large to train on (beyond ±3.4e38): rescale it.</source>
        <translation>目标中有大到无法训练的值（超出 ±3.4e38）：请缩放目标。</translation>
    </message>
    <message>
        <source>{0} has no file {1} (or {1}.gz): choose the folder that holds the four IDX files.</source>
        <translation>{0} 中没有文件 {1}（或 {1}.gz）：请选择存放那四个 IDX 文件的文件夹。</translation>
    </message>
    <message>
        <source>{0} holds more than {1} MiB ({2:,} bytes or more), more than any image set&apos;s file: choose the folder of the standard files.</source>
        <translation>{0} 超过 {1} MiB（至少 {2:,} 字节），比任何图像集的文件都大：请选择存放标准文件的文件夹。</translation>
    </message>
    <message>
        <source>Cannot read {0} ({1}): download it again.</source>
        <translation>无法读取 {0}（{1}）：请重新下载。</translation>
    </message>
    <message>
        <source>{0} is not an IDX file: download it again.</source>
        <translation>{0} 不是 IDX 文件：请重新下载。</translation>
    </message>
    <message>
        <source>{0} is cut short: download it again.</source>
        <translation>{0} 不完整：请重新下载。</translation>
    </message>
    <message>
        <source>{0} holds {1:,} bytes of data, but its header promises {2:,}: download it again.</source>
        <translation>{0} 中有 {1:,} 字节的数据，但文件头声明的是 {2:,} 字节：请重新下载。</translation>
    </message>
    <message>
        <source>The train images and labels in {0} do not match: choose a folder whose files belong together, or download them again.</source>
        <translation>{0} 中的训练图像与标签不匹配：请选择文件相互对应的文件夹，或重新下载。</translation>
    </message>
    <message>
        <source>The test images and labels in {0} do not match: choose a folder whose files belong together, or download them again.</source>
        <translation>{0} 中的测试图像与标签不匹配：请选择文件相互对应的文件夹，或重新下载。</translation>
    </message>
    <message>
        <source>{0}.{1} is not allowed in a CIFAR batch</source>
        <translation>CIFAR 批文件中不允许出现 {0}.{1}</translation>
    </message>
    <message>
        <source>{0} is not a CIFAR-10 batch ({1}): download it again.</source>
        <translation>{0} 不是 CIFAR-10 批文件（{1}）：请重新下载。</translation>
    </message>
    <message>
        <source>{0} is not a CIFAR-10 batch (unexpected shape {1}): download it again.</source>
        <translation>{0} 不是 CIFAR-10 批文件（形状 {1} 不符合预期）：请重新下载。</translation>
    </message>
    <message>
        <source>{0} is not a CIFAR-10 binary batch (its size is not a multiple of 3073 bytes).</source>
        <translation>{0} 不是 CIFAR-10 二进制批文件（它的大小不是 3073 字节的整数倍）。</translation>
    </message>
    <message>
        <source>{0} lacks {1}: it needs all six CIFAR-10 batches.</source>
        <translation>{0} 中缺少 {1}：需要全部六个 CIFAR-10 批文件。</translation>
    </message>
    <message>
        <source>{0} holds no CIFAR-10 batches: choose the {1} folder.</source>
        <translation>{0} 中没有 CIFAR-10 的批文件：请选择 {1} 文件夹。</translation>
    </message>
    <message>
        <source>{0} is not a folder: choose the folder that holds the {1} files.</source>
        <translation>{0} 不是文件夹：请选择存放 {1} 文件的文件夹。</translation>
    </message>
    <message>
        <source>The cached data {0} is damaged ({1}): delete it and load the data set again.</source>
        <translation>缓存数据 {0} 已损坏（{1}）：请删除它，然后重新加载数据集。</translation>
    </message>
    <message>
        <source>The images in {0} have an unexpected layout: delete it and load the data set again.</source>
        <translation>{0} 中图像的排列不符合预期：请删除它，然后重新加载数据集。</translation>
    </message>
    <message>
        <source>{0} is not downloaded yet, and downloading needs torchvision: {1}; or choose a folder that holds the standard files.</source>
        <translation>{0} 尚未下载，而下载需要 torchvision：{1}；或者选择一个存放标准文件的文件夹。</translation>
    </message>
    <message>
        <source>torchvision cannot read the downloaded {0} ({1}): delete {2} and try again.</source>
        <translation>torchvision 无法读取下载的 {0}（{1}）：请删除 {2} 后重试。</translation>
    </message>
    <message>
        <source>The {0} download is damaged (its checksum does not match): try again.</source>
        <translation>下载的 {0} 已损坏（校验和不匹配）：请重试。</translation>
    </message>
    <message>
        <source>Could not download {0} ({1}): check the internet connection, or download the standard files elsewhere and choose their folder.</source>
        <translation>无法下载 {0}（{1}）：请检查网络连接，或在别处下载标准文件后选择它们所在的文件夹。</translation>
    </message>
    <message>
        <source>Feature {0!r} is not available here: choose from {1}.</source>
        <translation>这里没有特征 {0!r}：请从 {1} 中选择。</translation>
    </message>
    <message>
        <source>it is a device, pipe or folder, not a file</source>
        <translation>它是设备、管道或文件夹，不是文件</translation>
    </message>
    <message>
        <source>CuPy is not installed ({0})</source>
        <translation>CuPy 未安装（{0}）</translation>
    </message>
    <message>
        <source>CuPy is installed but does not load ({0})</source>
        <translation>CuPy 已安装，但无法加载（{0}）</translation>
    </message>
    <message>
        <source>CuPy could not allocate memory on the GPU ({0})</source>
        <translation>CuPy 无法在 GPU 上分配显存（{0}）</translation>
    </message>
    <message>
        <source>CuPy found no usable NVIDIA driver on this machine</source>
        <translation>CuPy 在这台计算机上找不到可用的 NVIDIA 驱动</translation>
    </message>
    <message>
        <source>CuPy found no NVIDIA GPU on this machine</source>
        <translation>CuPy 在这台计算机上找不到 NVIDIA GPU</translation>
    </message>
    <message>
        <source>CuPy cannot reach a GPU ({0})</source>
        <translation>CuPy 无法访问 GPU（{0}）</translation>
    </message>
    <message>
        <source>CuPy cannot use this machine&apos;s GPU</source>
        <translation>CuPy 无法使用这台计算机的 GPU</translation>
    </message>
    <message>
        <source>{0}; or choose the NumPy backend.</source>
        <translation>{0}；或者选择 NumPy 计算后端。</translation>
    </message>
    <message>
        <source>{0}: the arithmetic runs on NumPy.</source>
        <translation>{0}：改在 NumPy 上计算。</translation>
    </message>
    <message>
        <source>The network takes {0:,} multiply-adds a training step, too few for the GPU to gain (it gains from about {1:,}): the arithmetic runs on NumPy, which is faster here; choose the CuPy backend to use the GPU anyway.</source>
        <translation>这个网络每个训练步只有 {0:,} 次乘加，太少，GPU 带不来好处（约从 {1:,} 次起才有）：改在更快的 NumPy 上计算；仍想用 GPU，请选择 CuPy 后端。</translation>
    </message>
    <message>
        <source>Unknown backend {0!r}: choose &apos;auto&apos;, &apos;numpy&apos; or &apos;cupy&apos;.</source>
        <translation>未知的计算后端 {0!r}：请选择 &apos;auto&apos;、&apos;numpy&apos; 或 &apos;cupy&apos;。</translation>
    </message>
    <message>
        <source>Unknown number type {0!r}: choose &apos;float32&apos; or &apos;float64&apos;.</source>
        <translation>未知的数值类型 {0!r}：请选择 &apos;float32&apos; 或 &apos;float64&apos;。</translation>
    </message>
    <message>
        <source>{0} is empty: add at least one layer inside it.</source>
        <translation>{0}是空的：请在其中至少加入一层。</translation>
    </message>
    <message>
        <source>{0}: padding &quot;same&quot; needs stride 1, as in PyTorch: give the padding as a number, or set the stride to 1.</source>
        <translation>{0}：padding &quot;same&quot; 要求步幅为 1（与 PyTorch 相同）：请把填充写成数字，或把步幅设为 1。</translation>
    </message>
    <message>
        <source>{0}: padding is {1!r}: give a whole number of 0 or more, or &quot;same&quot;.</source>
        <translation>{0}：padding 是 {1!r}：请给出不小于 0 的整数，或 &quot;same&quot;。</translation>
    </message>
    <message>
        <source>{0}: padding {1} is as wide as the {2}×{2} kernel, so the outer outputs would see only zeros: use at most {3}.</source>
        <translation>{0}：填充 {1} 和 {2}×{2} 卷积核一样宽，边缘的输出将只看到零：请最多填充 {3}。</translation>
    </message>
    <message>
        <source>{0}: its {1}×{1} kernel is larger than its input of {2}×{3}: use a kernel of at most {4}, or more padding.</source>
        <translation>{0}：它的 {1}×{1} 卷积核比 {2}×{3} 的输入还大：请使用不超过 {4} 的卷积核，或增加填充。</translation>
    </message>
    <message>
        <source>{0}: its {1}×{1} kernel is larger than its input of {2}×{3}, {4}×{5} with its padding: use a kernel of at most {6}, or more padding.</source>
        <translation>{0}：它的 {1}×{1} 卷积核比 {2}×{3} 的输入（加上填充为 {4}×{5}）还大：请使用不超过 {6} 的卷积核，或增加填充。</translation>
    </message>
    <message>
        <source>{0}: its {1}×{1} window is larger than its input of {2}×{3}: use a size of at most {4}, or remove the layer.</source>
        <translation>{0}：它的 {1}×{1} 窗口比 {2}×{3} 的输入还大：请使用不超过 {4} 的大小，或者删除这一层。</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>{0}: alpha applies to leaky_relu and elu only; remove it for {1}.</source>
        <translation>{0}：alpha 只用于 leaky_relu 和 elu；用 {1} 时请去掉它。</translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation>GPU 显存</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>This network has {0} parameters and would need about {1} to train, but only {2} of {3} is free: {4}.</source>
        <translation>这个网络有 {0} 个参数，训练大约需要 {1}，但{3}只有 {2} 可用：{4}。</translation>
    </message>
    <message>
        <source>make its layers smaller</source>
        <translation>请把各层改小</translation>
    </message>
    <message>
        <source>A batch of {0} examples would need about {1} for this network, but only {2} of {3} is free: use a smaller batch.</source>
        <translation>在这个网络上，{0} 个样本的批量大约需要 {1}，但{3}只有 {2} 可用：请用更小的批量。</translation>
    </message>
    <message>
        <source>more than 10^30</source>
        <translation>超过 10^30</translation>
    </message>
    <message>
        <source>more than 10^21 GiB</source>
        <translation>超过 10^21 GiB</translation>
    </message>
    <message>
        <source>Parameter {0} has shape {1}; the new value has {2}.</source>
        <translation>参数 {0} 的形状是 {1}；新值的形状却是 {2}。</translation>
    </message>
    <message>
        <source>There is no parameter {0!r}: the names are {1}.</source>
        <translation>没有参数 {0!r}：参数名有 {1}。</translation>
    </message>
    <message>
        <source>The saved weights have no {0}: they belong to another network.</source>
        <translation>保存的权重中没有 {0}：它们属于另一个网络。</translation>
    </message>
    <message>
        <source>The saved {0} has shape {1}, but this network&apos;s has {2}: they belong to another network.</source>
        <translation>保存的 {0} 形状是 {1}，而这个网络的是 {2}：它们属于另一个网络。</translation>
    </message>
    <message>
        <source>The inputs have shape {0}, but the network takes {1} features per example: give an array of shape (n, {2}).</source>
        <translation>输入的形状是 {0}，但网络每个样本接受 {1} 个特征：请给出形状为 (n, {2}) 的数组。</translation>
    </message>
    <message>
        <source>The optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>The learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>The momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>nesterov must be true or false.</source>
        <translation>nesterov 必须是 true 或 false。</translation>
    </message>
    <message>
        <source>Nesterov momentum needs SGD with momentum above 0: set momentum, or turn nesterov off.</source>
        <translation>Nesterov 动量需要 SGD 且动量大于 0：请设置 momentum，或关闭 nesterov。</translation>
    </message>
    <message>
        <source>The weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Weight decay applies to AdamW only, and {0} would ignore it: choose AdamW, or use an L2 penalty instead.</source>
        <translation>权重衰减只适用于 AdamW，{0} 会忽略它：请选择 AdamW，或改用 L2 惩罚。</translation>
    </message>
    <message>
        <source>The L1 penalty</source>
        <translation>L1 惩罚</translation>
    </message>
    <message>
        <source>The L2 penalty</source>
        <translation>L2 惩罚</translation>
    </message>
    <message>
        <source>The optimizer settings must be an object such as {0}.</source>
        <translation>优化器设置必须是一个对象，例如 {0}。</translation>
    </message>
    <message>
        <source>The optimizer settings</source>
        <translation>优化器设置</translation>
    </message>
    <message>
        <source>The learning-rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>The learning-rate schedule must be an object such as {0}.</source>
        <translation>学习率调度必须是一个对象，例如 {0}。</translation>
    </message>
    <message>
        <source>The schedule&apos;s {0}</source>
        <translation>学习率调度的 {0}</translation>
    </message>
    <message>
        <source>The input shape {0} must be whole numbers of 1 or more.</source>
        <translation>输入形状 {0} 必须由不小于 1 的整数组成。</translation>
    </message>
    <message>
        <source>The input has shape {0}, but the layers here take a flat vector or images as (channels, height, width): give input_shape as [features] or [channels, height, width].</source>
        <translation>输入的形状是 {0}，但这里的层只接受扁平向量或（通道, 高, 宽）形式的图像：请把 input_shape 写成 [特征数] 或 [通道数, 高, 宽]。</translation>
    </message>
    <message>
        <source>The network has no layers: add a Dense layer.</source>
        <translation>网络没有任何层：请添加一个全连接层。</translation>
    </message>
    <message>
        <source>The loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>{0} gives images of shape {1}, but the loss compares flat vectors: end the network with a Flatten and a Dense layer, or with a GlobalAvgPool.</source>
        <translation>{0}给出的是形状为 {1} 的图像，但损失函数比较的是扁平向量：请用一个展平层加一个全连接层结束网络，或者用全局平均池化层结束。</translation>
    </message>
    <message>
        <source>{0}: remove it; the cross-entropy loss applies softmax itself, fused with the log for numerical stability.</source>
        <translation>{0}：请删除它；交叉熵损失会自己完成 softmax，并与 log 合并计算以保证数值稳定。</translation>
    </message>
    <message>
        <source>{0} gives 1 output, but cross-entropy needs 2 or more (one per class): give the last Dense layer more units, or use binary cross-entropy.</source>
        <translation>{0}只给出 1 个输出，但交叉熵需要 2 个或更多（每个类别一个）：请给最后一个全连接层更多神经元，或改用二元交叉熵。</translation>
    </message>
    <message>
        <source>{0}: remove the final sigmoid; binary cross-entropy applies it itself, fused with the log for numerical stability.</source>
        <translation>{0}：请去掉最后的 sigmoid；二元交叉熵会自己完成它，并与 log 合并计算以保证数值稳定。</translation>
    </message>
    <message>
        <source>A network description must be a JSON object with input_shape and layers.</source>
        <translation>网络描述必须是含有 input_shape 和 layers 的 JSON 对象。</translation>
    </message>
    <message>
        <source>The network description</source>
        <translation>网络描述</translation>
    </message>
    <message>
        <source>The network description&apos;s version</source>
        <translation>网络描述的版本号</translation>
    </message>
    <message>
        <source>This network was saved by a newer Backprop Playground (format {0}); update the app to open it.</source>
        <translation>这个网络是由更新版本的 Backprop Playground 保存的（格式 {0}）；请更新应用后再打开。</translation>
    </message>
    <message>
        <source>The network description needs input_shape, a list such as [2].</source>
        <translation>网络描述需要 input_shape，即一个列表，例如 [2]。</translation>
    </message>
    <message>
        <source>Each input_shape entry</source>
        <translation>input_shape 的每一项</translation>
    </message>
    <message>
        <source>The network description needs layers, a list of layer objects.</source>
        <translation>网络描述需要 layers，即由层对象组成的列表。</translation>
    </message>
    <message>
        <source>{0} is not a layer description: use dense, an activation, dropout, batchnorm, residual, conv2d, maxpool2d, avgpool2d, flatten or globalavgpool.</source>
        <translation>{0}不是层的描述：请使用 dense、某个激活函数、dropout、batchnorm、residual、conv2d、maxpool2d、avgpool2d、flatten 或 globalavgpool。</translation>
    </message>
    <message>
        <source>{0} normalizes flat features, but the network&apos;s input is images of shape {1}: put it after a Flatten layer.</source>
        <translation>{0}对扁平特征做归一化，但网络的输入是形状为 {1} 的图像：请把它放在展平层之后。</translation>
    </message>
    <message>
        <source>{0} normalizes flat features, but {1} gives images of shape {2}: put it after a Flatten layer.</source>
        <translation>{0}对扁平特征做归一化，但{1}给出的是形状为 {2} 的图像：请把它放在展平层之后。</translation>
    </message>
    <message>
        <source>{0} takes a flat vector, but the network&apos;s input is images of shape {1}: add a Flatten layer before it, or give the network the flat input_shape [{2}].</source>
        <translation>{0}接受扁平向量，但网络的输入是形状为 {1} 的图像：请在它前面加一个展平层，或把网络的 input_shape 设为扁平的 [{2}]。</translation>
    </message>
    <message>
        <source>{0} takes a flat vector, but {1} gives images of shape {2}: add a Flatten layer before it.</source>
        <translation>{0}接受扁平向量，但{1}给出的是形状为 {2} 的图像：请在它前面加一个展平层。</translation>
    </message>
    <message>
        <source>{0} has nothing to flatten: the network&apos;s input is {1} flat features already; remove it.</source>
        <translation>{0}没有可展平的内容：网络的输入已经是 {1} 个扁平特征；请删除它。</translation>
    </message>
    <message>
        <source>{0} has nothing to flatten: {1} gives {2} flat features already; remove it.</source>
        <translation>{0}没有可展平的内容：{1}给出的已经是 {2} 个扁平特征；请删除它。</translation>
    </message>
    <message>
        <source>{0} takes images (channels, height, width), but the network&apos;s input is {1} flat features: use an image dataset, or start with a Dense layer.</source>
        <translation>{0}接受图像（通道, 高, 宽），但网络的输入是 {1} 个扁平特征：请使用图像数据集，或以全连接层开头。</translation>
    </message>
    <message>
        <source>{0} takes images (channels, height, width), but {1} gives {2} flat features: put the conv and pooling layers before any Flatten, GlobalAvgPool or Dense layer.</source>
        <translation>{0}接受图像（通道, 高, 宽），但{1}给出的是 {2} 个扁平特征：请把卷积层和池化层放在所有展平层、全局平均池化层和全连接层之前。</translation>
    </message>
    <message>
        <source>{0}: its layers turn images of shape {1} into {2}, but a residual block must give back what it gets; give its last Conv2D layer {3} filters, stride 1 and padding &quot;same&quot;, and keep pooling and Flatten out of it.</source>
        <translation>{0}：块内各层把形状为 {1} 的图像变成了 {2}，但残差块的输出必须和输入一样；请让块内最后一个卷积层有 {3} 个滤波器、步幅为 1、填充为 &quot;same&quot;，并且不要在块内放池化层和展平层。</translation>
    </message>
    <message>
        <source>{0}: its layers turn {1} features into {2} features, but a residual block must give back what it gets; make its last Dense layer {3}.</source>
        <translation>{0}：块内各层把 {1} 个特征变成了 {2} 个特征，但残差块的输出必须和输入一样；请把块内最后一个全连接层设为 {3}。</translation>
    </message>
    <message>
        <source>{0}: its layers turn {1} features into images of shape {2}, but a residual block must give back what it gets; make its last Dense layer {3}.</source>
        <translation>{0}：块内各层把 {1} 个特征变成了形状为 {2} 的图像，但残差块的输出必须和输入一样；请把块内最后一个全连接层设为 {3}。</translation>
    </message>
    <message>
        <source>{0}: layers must be a list of layer objects.</source>
        <translation>{0}：layers 必须是由层对象组成的列表。</translation>
    </message>
    <message>
        <source>{0} is missing a setting: give {1}.</source>
        <translation>{0}缺少设置：请给出 {1}。</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>1 unit</source>
        <translation>1 个神经元</translation>
    </message>
    <message>
        <source>{0} units</source>
        <translation>{0} 个神经元</translation>
    </message>
    <message>
        <source>{0} is inside {1} residual blocks: nest them at most {2} deep.</source>
        <translation>{0}嵌套在 {1} 个残差块里：残差块最多只能嵌套 {2} 层。</translation>
    </message>
    <message>
        <source>{0} must be an object with a type, such as {1}.</source>
        <translation>{0}必须是带有 type 的对象，例如 {1}。</translation>
    </message>
    <message>
        <source>{0} has unknown type {1!r}: use one of {2}.</source>
        <translation>{0}的类型 {1!r} 未知：请使用 {2} 之一。</translation>
    </message>
    <message>
        <source>There are {0} inputs but {1} targets: give one per example.</source>
        <translation>有 {0} 个输入，却有 {1} 个目标值：请为每个样本给出一个目标值。</translation>
    </message>
    <message>
        <source>Cross-entropy targets must be class numbers 0, 1, 2, ...: convert the labels.</source>
        <translation>交叉熵的目标值必须是类别编号 0, 1, 2, ...：请转换标签。</translation>
    </message>
    <message>
        <source>The targets hold class {0}, but the network has {1} outputs: give the last Dense layer one unit per class.</source>
        <translation>目标值中有类别 {0}，但网络只有 {1} 个输出：请让最后一个全连接层每个类别对应一个神经元。</translation>
    </message>
    <message>
        <source>The targets have {0} values per example, but the network gives {1}: make the last Dense layer {0} units.</source>
        <translation>目标值每个样本有 {0} 个值，但网络给出 {1} 个：请把最后一个全连接层设为 {0} 个神经元。</translation>
    </message>
    <message>
        <source>this installed app does not include {0}; install Backprop Playground with pip to use it</source>
        <translation>这个安装版应用不包含 {0}；要使用它，请用 pip 安装 Backprop Playground</translation>
    </message>
    <message>
        <source>install it with {0}</source>
        <translation>请用 {0} 安装</translation>
    </message>
    <message>
        <source>{0} is not valid JSON ({1}): fix the file.</source>
        <translation>{0} 不是有效的 JSON（{1}）：请修正文件。</translation>
    </message>
    <message>
        <source>{0} is nested too deeply to read: a network needs only a few levels.</source>
        <translation>{0} 嵌套太深，无法读取：一个网络只需要几层嵌套。</translation>
    </message>
    <message>
        <source>{0} holds a number with thousands of digits: shorten it.</source>
        <translation>{0} 中有一个长达几千位的数字：请缩短它。</translation>
    </message>
    <message>
        <source>{0} must be a whole number; it is {1!r}.</source>
        <translation>{0} 必须是整数；现在是 {1!r}。</translation>
    </message>
    <message>
        <source>{0} must be {1} or more; it is {2}.</source>
        <translation>{0} 必须不小于 {1}；现在是 {2}。</translation>
    </message>
    <message>
        <source>{0} must be at most {1:,}; it is {2:,}.</source>
        <translation>{0} 最多为 {1:,}；现在是 {2:,}。</translation>
    </message>
    <message>
        <source>{0} must be a finite number; it is {1!r}.</source>
        <translation>{0} 必须是有限的数；现在是 {1!r}。</translation>
    </message>
    <message>
        <source>{0} must be {1} or less; it is {2}.</source>
        <translation>{0} 必须不大于 {1}；现在是 {2}。</translation>
    </message>
    <message>
        <source>{0} must be more than {1}; it is {2}.</source>
        <translation>{0} 必须大于 {1}；现在是 {2}。</translation>
    </message>
    <message>
        <source>{0} must be less than {1}; it is {2}.</source>
        <translation>{0} 必须小于 {1}；现在是 {2}。</translation>
    </message>
    <message>
        <source>{0} is {1!r}: choose one of {2}.</source>
        <translation>{0} 是 {1!r}：请从 {2} 中选择一个。</translation>
    </message>
    <message>
        <source>{0} has unknown setting {1!r}: use only {2}.</source>
        <translation>{0} 有未知的设置 {1!r}：只能使用 {2}。</translation>
    </message>
    <message>
        <source>Cannot write to {0} ({1}): choose another folder.</source>
        <translation>无法写入 {0}（{1}）：请选择其他文件夹。</translation>
    </message>
    <message>
        <source>Cannot save {0} ({1}): choose another place.</source>
        <translation>无法保存 {0}（{1}）：请换个位置。</translation>
    </message>
    <message>
        <source>There is no file {0}: check the path.</source>
        <translation>文件 {0} 不存在：请检查路径。</translation>
    </message>
    <message>
        <source>Cannot read {0} ({1}): choose a project file you may read.</source>
        <translation>无法读取 {0}（{1}）：请选择一个你有权读取的项目文件。</translation>
    </message>
    <message>
        <source>{0} is not a readable project file ({1}): it may be damaged or truncated.</source>
        <translation>{0} 不是可读取的项目文件（{1}）：它可能已损坏或不完整。</translation>
    </message>
    <message>
        <source>{0} holds {1!r}, which a project file never has: it is not a Backprop Playground project.</source>
        <translation>{0} 中有 {1!r}，而项目文件从不包含它：这不是 Backprop Playground 项目。</translation>
    </message>
    <message>
        <source>{0} holds {1} twice: it has been damaged or tampered with.</source>
        <translation>{0} 中有两个 {1}：文件已损坏或被篡改。</translation>
    </message>
    <message>
        <source>{0}: {1}.</source>
        <translation>{0}：{1}。</translation>
    </message>
    <message>
        <source>{0} has no project.json: it is not a Backprop Playground project.</source>
        <translation>{0} 中没有 project.json：这不是 Backprop Playground 项目。</translation>
    </message>
    <message>
        <source>{0}: project.json would unpack to {1:,} bytes, more than the {2:,} it may hold; it is refused unopened.</source>
        <translation>{0}：project.json 解压后有 {1:,} 字节，超过了允许的 {2:,} 字节；未解压即已拒绝。</translation>
    </message>
    <message>
        <source>{0}: its arrays would unpack to {1:,} bytes, more than the {2:,} a project may hold; it is refused unopened.</source>
        <translation>{0}：其中的数组解压后有 {1:,} 字节，超过了一个项目允许的 {2:,} 字节；未解压即已拒绝。</translation>
    </message>
    <message>
        <source>{0} has no {1}, which the file of a trained project always holds: the file is damaged.</source>
        <translation>{0} 中没有 {1}，而训练过的项目文件总会包含它：文件已损坏。</translation>
    </message>
    <message>
        <source>{0} is encrypted, which a project file never is</source>
        <translation>{0} 已加密，而项目文件从不加密</translation>
    </message>
    <message>
        <source>{0} is packed with compression method {1}, which a project never uses</source>
        <translation>{0} 用压缩方法 {1} 打包，而项目从不使用这种方法</translation>
    </message>
    <message>
        <source>{0} is truncated: it holds {1:,} of its {2:,} bytes</source>
        <translation>{0} 不完整：{2:,} 字节中只有 {1:,} 字节</translation>
    </message>
    <message>
        <source>{0}: project.json holds a whole number of {1} digits, more than any setting has: the file is damaged.</source>
        <translation>{0}：project.json 中有一个 {1} 位的整数，比任何设置的位数都多：文件已损坏。</translation>
    </message>
    <message>
        <source>{0}: project.json is not valid JSON ({1}).</source>
        <translation>{0}：project.json 不是有效的 JSON（{1}）。</translation>
    </message>
    <message>
        <source>{0}: project.json is nested too deeply to be a project.</source>
        <translation>{0}：project.json 嵌套太深，不可能是项目。</translation>
    </message>
    <message>
        <source>{0}: project.json must hold an object.</source>
        <translation>{0}：project.json 必须是一个对象。</translation>
    </message>
    <message>
        <source>{0}: project.json has no format version: it is not a project file.</source>
        <translation>{0}：project.json 没有格式版本：这不是项目文件。</translation>
    </message>
    <message>
        <source>{0} was saved by a newer Backprop Playground (format {1}): update the app to open it.</source>
        <translation>{0} 由更新版本的 Backprop Playground 保存（格式 {1}）：请更新本应用后再打开。</translation>
    </message>
    <message>
        <source>{0}: project.json has format {1}, which no Backprop Playground writes.</source>
        <translation>{0}：project.json 的格式是 {1}，没有哪个版本的 Backprop Playground 会写出这种格式。</translation>
    </message>
    <message>
        <source>{0}: its arrays would take {1:,} bytes, more than the {2:,} left of the {3:,} a project may hold; it is refused unopened.</source>
        <translation>{0}：其中的数组要占 {1:,} 字节，超过了一个项目允许的 {3:,} 字节中剩下的 {2:,} 字节；未解压即已拒绝。</translation>
    </message>
    <message>
        <source>{0!r} is not one more array</source>
        <translation>{0!r} 不是一个新的数组</translation>
    </message>
    <message>
        <source>{0} cannot be read ({1}); pickled or damaged arrays are refused.</source>
        <translation>无法读取 {0}（{1}）；pickle 序列化或已损坏的数组会被拒绝。</translation>
    </message>
    <message>
        <source>{0} is not an array in a format a project file uses</source>
        <translation>{0} 不是项目文件所用格式的数组</translation>
    </message>
    <message>
        <source>{0} has a header of {1:,} bytes, more than an array&apos;s ever needs</source>
        <translation>{0} 的头部有 {1:,} 字节，远超任何数组所需</translation>
    </message>
    <message>
        <source>{0} has a damaged header ({1})</source>
        <translation>{0} 的头部已损坏（{1}）</translation>
    </message>
    <message>
        <source>{0} has a damaged header</source>
        <translation>{0} 的头部已损坏</translation>
    </message>
    <message>
        <source>{0} holds pickled Python objects, which a project file never has</source>
        <translation>{0} 中有 pickle 序列化的 Python 对象，而项目文件从不包含这种内容</translation>
    </message>
    <message>
        <source>{0} holds {1} data, but a project&apos;s arrays hold only real numbers</source>
        <translation>{0} 中是 {1} 类型的数据，但项目的数组只含实数</translation>
    </message>
    <message>
        <source>{0} has a damaged header: {1!r} is not a data type</source>
        <translation>{0} 的头部已损坏：{1!r} 不是数据类型</translation>
    </message>
    <message>
        <source>{0} claims {1:,} numbers, more than the {2:,} it can hold</source>
        <translation>{0} 声称有 {1:,} 个数，超过了它最多能容纳的 {2:,} 个</translation>
    </message>
    <message>
        <source>{0} claims {1:,} bytes of data in a member of {2:,}</source>
        <translation>{0} 声称有 {1:,} 字节的数据，而所在成员只有 {2:,} 字节</translation>
    </message>
    <message>
        <source>{0}: the saved {1} is not all finite numbers in {2}: the file is damaged.</source>
        <translation>{0}：保存的 {1} 在 {2} 下并非都是有限数：文件已损坏。</translation>
    </message>
    <message>
        <source>{0}: the saved gradient is damaged: it must be one list of numbers.</source>
        <translation>{0}：保存的梯度已损坏：它必须是一列数字。</translation>
    </message>
    <message>
        <source>{0}: the saved batch order must be a list of whole numbers.</source>
        <translation>{0}：保存的批次顺序必须是一列整数。</translation>
    </message>
    <message>
        <source>{0}: the saved history is damaged: its series are not lists of one length.</source>
        <translation>{0}：保存的历史已损坏：其中各序列的长度不一致。</translation>
    </message>
    <message>
        <source>{0}: the saved history is damaged: it has {1:,} series, more than a network with {2:,} saved weights records.</source>
        <translation>{0}：保存的历史已损坏：它有 {1:,} 个序列，多于一个保存了 {2:,} 个权重的网络所能记录的。</translation>
    </message>
    <message>
        <source>{0}: the saved history is damaged: its step numbers are not all whole numbers.</source>
        <translation>{0}：保存的历史已损坏：其中的步数并非都是整数。</translation>
    </message>
    <message>
        <source>{0}: project.json lacks its training settings.</source>
        <translation>{0}：project.json 缺少训练设置。</translation>
    </message>
    <message>
        <source>the batch size must be a whole number</source>
        <translation>批量大小必须是整数</translation>
    </message>
    <message>
        <source>the epochs must be a whole number</source>
        <translation>轮数必须是整数</translation>
    </message>
    <message>
        <source>the epoch to stop at must be a whole number</source>
        <translation>停止的轮次必须是整数</translation>
    </message>
    <message>
        <source>the seed must be a whole number</source>
        <translation>随机种子必须是整数</translation>
    </message>
    <message>
        <source>the epoch to stop at must be {0:,} at most</source>
        <translation>停止的轮次最多为 {0:,}</translation>
    </message>
    <message>
        <source>{0} cannot be opened: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
    <message>
        <source>{0}: the training speed {1!r} is none of {2}.</source>
        <translation>{0}：训练速度 {1!r} 不是 {2} 中的任何一个。</translation>
    </message>
    <message>
        <source>{0}: the view state must be an object.</source>
        <translation>{0}：视图状态必须是一个对象。</translation>
    </message>
    <message>
        <source>{0}: the title must be text.</source>
        <translation>{0}：标题必须是文本。</translation>
    </message>
    <message>
        <source>{0}: the lesson it was saved in must be an object: the file is damaged.</source>
        <translation>{0}：保存时所在的课程必须是一个对象：文件已损坏。</translation>
    </message>
    <message>
        <source>{0}: the name of the lesson it was saved in must be text of 1 to {1} characters: the file is damaged.</source>
        <translation>{0}：保存时所在课程的名称必须是 1 到 {1} 个字符的文本：文件已损坏。</translation>
    </message>
    <message>
        <source>{0}: the lesson step it was saved at must be a whole number from 1: the file is damaged.</source>
        <translation>{0}：保存时所在的课程步骤必须是从 1 起的整数：文件已损坏。</translation>
    </message>
    <message>
        <source>{0}: the lesson steps whose change was made must be a list of different whole numbers from 1: the file is damaged.</source>
        <translation>{0}：已做出更改的课程步骤必须是由互不相同、从 1 起的整数组成的列表：文件已损坏。</translation>
    </message>
    <message>
        <source>{0}: the step held in the stepper must be an object, in a trained project: the file is damaged.</source>
        <translation>{0}：单步演示中保留的那一步必须是一个对象，且只能出现在训练过的项目中：文件已损坏。</translation>
    </message>
    <message>
        <source>{0}: the example and the phase of the step held in the stepper must be whole numbers from 0: the file is damaged.</source>
        <translation>{0}：单步演示中保留的那一步的样本和阶段必须是从 0 起的整数：文件已损坏。</translation>
    </message>
    <message>
        <source>{0}: the weights picked in the stepper must be at most {1:,} parameter names, each with a row and a column from 0: the file is damaged.</source>
        <translation>{0}：单步演示中选中的权重最多只能有 {1:,} 个参数名，每个都带有从 0 起的行和列：文件已损坏。</translation>
    </message>
    <message>
        <source>{0}: the cells picked in the stepper must be at most {1:,} layer paths under &quot;forward&quot; and &quot;backward&quot;, each with one to four whole numbers from 0: the file is damaged.</source>
        <translation>{0}：单步演示中选中的单元最多只能有 {1:,} 个层路径，放在 &quot;forward&quot; 和 &quot;backward&quot; 之下，每个都带有一到四个从 0 起的整数：文件已损坏。</translation>
    </message>
    <message>
        <source>{0}: the stepper&apos;s zoom must be at most {1:,} heatmap shapes (two whole numbers from 1), each with a region of four finite numbers, its width and height above 0: the file is damaged.</source>
        <translation>{0}：单步演示的缩放最多只能有 {1:,} 种热力图形状（两个从 1 起的整数），每种带一个由四个有限数组成的区域，宽和高都大于 0：文件已损坏。</translation>
    </message>
    <message>
        <source>{0}: the training progress must be an object.</source>
        <translation>{0}：训练进度必须是一个对象。</translation>
    </message>
    <message>
        <source>{0}: the training progress lacks a valid {1}.</source>
        <translation>{0}：训练进度缺少有效的 {1}。</translation>
    </message>
    <message>
        <source>{0}: the training progress has an invalid {1}.</source>
        <translation>{0}：训练进度中的 {1} 无效。</translation>
    </message>
    <message>
        <source>{0}: the training progress is past the end of the epoch&apos;s batch order.</source>
        <translation>{0}：训练进度超出了本轮批次顺序的末尾。</translation>
    </message>
    <message>
        <source>{0}: the saved random state {1} is damaged.</source>
        <translation>{0}：保存的随机状态 {1} 已损坏。</translation>
    </message>
    <message>
        <source>{0} is a folder: give the name of a file to write.</source>
        <translation>{0} 是文件夹：请给出要写入的文件名。</translation>
    </message>
    <message>
        <source>Cannot write {0} ({1}): choose another place.</source>
        <translation>无法写入 {0}（{1}）：请换个位置。</translation>
    </message>
    <message>
        <source>Exporting needs the project&apos;s data, to carry how the app prepared them: {0}</source>
        <translation>导出需要项目的数据，以便带上本应用准备数据的方式：{0}</translation>
    </message>
    <message>
        <source>This project has no metric history yet: train it first.</source>
        <translation>这个项目还没有指标历史：请先训练。</translation>
    </message>
    <message>
        <source>The history has no step column: it cannot be exported.</source>
        <translation>历史中没有 step 列：无法导出。</translation>
    </message>
    <message>
        <source>The history&apos;s series have different lengths: the project file is damaged.</source>
        <translation>历史中各序列的长度不同：项目文件已损坏。</translation>
    </message>
    <message>
        <source>Exporting to ONNX needs the onnx package: {0}.</source>
        <translation>导出到 ONNX 需要 onnx 包：{0}。</translation>
    </message>
    <message>
        <source>Exporting to PyTorch needs PyTorch: {0}; or export a NumPy script.</source>
        <translation>导出到 PyTorch 需要 PyTorch：{0}；或者导出 NumPy 脚本。</translation>
    </message>
    <message>
        <source>The name {0!r} cannot be a Python module name: use letters, digits and _, such as model.</source>
        <translation>名称 {0!r} 不能用作 Python 模块名：请只用字母、数字和 _，例如 model。</translation>
    </message>
    <message>
        <source>The name {0!r} is taken by train.py or a module the exported files import, which its file would hide: choose another, such as model.</source>
        <translation>名称 {0!r} 已被 train.py 或导出文件导入的某个模块占用，以它命名的文件会遮蔽该模块：请换一个，例如 model。</translation>
    </message>
    <message>
        <source>The network takes {0} inputs, but the {1} data give {2}: fit its input to the data before exporting.</source>
        <translation>网络有 {0} 个输入，但 {1} 数据给出 {2} 个：导出前请让网络的输入适配数据。</translation>
    </message>
    <message>
        <source>There is no lesson {0!r}: choose one of {1}.</source>
        <translation>没有名为 {0!r} 的课程：请从 {1} 中选择一个。</translation>
    </message>
    <message>
        <source>The lesson file {0} cannot be read ({1}): reinstall the app.</source>
        <translation>无法读取课程文件 {0}（{1}）：请重新安装本应用。</translation>
    </message>
    <message>
        <source>The lesson {0!r} is damaged ({1}): reinstall the app.</source>
        <translation>课程 {0!r} 已损坏（{1}）：请重新安装本应用。</translation>
    </message>
    <message>
        <source>The {0} translation of the lesson {1!r} ({2}) is damaged ({3}): reinstall the app.</source>
        <translation>课程 {1!r} 的 {0} 译文（{2}）已损坏（{3}）：请重新安装本应用。</translation>
    </message>
    <message>
        <source>This project was saved in the lesson {0!r}, which this version of Backprop Playground does not have: open a lesson from the Lessons menu to go on with one.</source>
        <translation>这个项目保存时位于课程 {0!r} 中，而这个版本的 Backprop Playground 没有该课程：请从“课程”菜单打开一个课程继续学习。</translation>
    </message>
    <message>
        <source>This project was saved at step {0} of the lesson {1!r}, whose steps differ in this version of Backprop Playground: open the lesson from the Lessons menu to start it again.</source>
        <translation>这个项目保存时位于课程 {1!r} 的第 {0} 步，而这个版本的 Backprop Playground 中该课程的步骤不同：请从“课程”菜单打开该课程，重新开始。</translation>
    </message>
    <message>
        <source>it must hold a title and steps, and nothing else</source>
        <translation>它必须只含标题和步骤，不能有别的内容</translation>
    </message>
    <message>
        <source>its title must be a sentence</source>
        <translation>它的标题必须是一句话</translation>
    </message>
    <message>
        <source>it must have {0} steps, as the lesson has</source>
        <translation>它必须有 {0} 步，与课程相同</translation>
    </message>
    <message>
        <source>step {0}</source>
        <translation>第 {0} 步</translation>
    </message>
    <message>
        <source>{0} must be an object</source>
        <translation>{0}必须是一个对象</translation>
    </message>
    <message>
        <source>{0} lacks {1} or has unknown {2}</source>
        <translation>{0}缺少 {1}，或含有未知的 {2}</translation>
    </message>
    <message>
        <source>the lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>its preset {0!r} does not exist</source>
        <translation>它的预设 {0!r} 不存在</translation>
    </message>
    <message>
        <source>a lesson has {0} to {1} steps</source>
        <translation>一节课程有 {0} 到 {1} 步</translation>
    </message>
    <message>
        <source>its seed must be a whole number</source>
        <translation>它的随机种子必须是整数</translation>
    </message>
    <message>
        <source>a change makes a network that cannot be built ({0})</source>
        <translation>某个改动得到的网络无法构建（{0}）</translation>
    </message>
    <message>
        <source>step {0} compares with the run before a change, but no change came before</source>
        <translation>第 {0} 步要与改动之前的运行比较，但之前没有任何改动</translation>
    </message>
    <message>
        <source>{0}: {1} must be a sentence</source>
        <translation>{0}：{1} 必须是一句话</translation>
    </message>
    <message>
        <source>{0}: the tab {1!r} is none of {2}</source>
        <translation>{0}：标签页 {1!r} 不是 {2} 中的任何一个</translation>
    </message>
    <message>
        <source>{0}: its check must be one of {1}</source>
        <translation>{0}：它的检查必须是 {1} 之一</translation>
    </message>
    <message>
        <source>{0}&apos;s check</source>
        <translation>{0}的检查</translation>
    </message>
    <message>
        <source>{0}: {1} must be a whole number from 1 to {2}</source>
        <translation>{0}：{1} 必须是 1 到 {2} 之间的整数</translation>
    </message>
    <message>
        <source>{0}: its check needs a bound, {1} or {2}</source>
        <translation>{0}：它的检查需要一个界限，{1} 或 {2}</translation>
    </message>
    <message>
        <source>{0}: {1} must be a number</source>
        <translation>{0}：{1} 必须是一个数</translation>
    </message>
    <message>
        <source>{0}: the metric must be one of {1}</source>
        <translation>{0}：指标必须是 {1} 之一</translation>
    </message>
    <message>
        <source>{0}: {1} must be {2} or {3}</source>
        <translation>{0}：{1} 必须是 {2} 或 {3}</translation>
    </message>
    <message>
        <source>{0}: {1} must name two layers</source>
        <translation>{0}：{1} 必须指明两个层</translation>
    </message>
    <message>
        <source>{0}&apos;s change</source>
        <translation>{0}的改动</translation>
    </message>
    <message>
        <source>{0}: {1} names no preset</source>
        <translation>{0}：{1} 没有指向任何预设</translation>
    </message>
    <message>
        <source>{0}: {1} must be a list of {2}</source>
        <translation>{0}：{1} 必须是由 {2} 组成的列表</translation>
    </message>
    <message>
        <source>{0}: {1} must be {2}</source>
        <translation>{0}：{1} 必须是 {2}</translation>
    </message>
    <message>
        <source>{0}: {1} must be an object</source>
        <translation>{0}：{1} 必须是一个对象</translation>
    </message>
    <message>
        <source>{0}: its change changes nothing</source>
        <translation>{0}：它的改动什么也没改变</translation>
    </message>
    <message>
        <source>{0}: its check names layer {1}, which has no weights there</source>
        <translation>{0}：它的检查指向第 {1} 层，但该层在那里没有权重</translation>
    </message>
    <message>
        <source>There is no preset {0!r}: choose one of {1}.</source>
        <translation>没有名为 {0!r} 的预设：请从 {1} 中选择一个。</translation>
    </message>
    <message>
        <source>The preset file {0} cannot be read ({1}): reinstall the app.</source>
        <translation>无法读取预设文件 {0}（{1}）：请重新安装本应用。</translation>
    </message>
    <message>
        <source>Preset {0!r}: {1}</source>
        <translation>预设 {0!r}：{1}</translation>
    </message>
    <message>
        <source>presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>the presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>the preset {0!r}</source>
        <translation>预设 {0!r}</translation>
    </message>
    <message>
        <source>a preset must be a JSON object.</source>
        <translation>预设必须是一个 JSON 对象。</translation>
    </message>
    <message>
        <source>The preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>the preset&apos;s training settings must be an object.</source>
        <translation>预设的训练设置必须是一个对象。</translation>
    </message>
    <message>
        <source>The training settings</source>
        <translation>训练设置</translation>
    </message>
    <message>
        <source>the preset&apos;s dataset settings must be an object.</source>
        <translation>预设的数据集设置必须是一个对象。</translation>
    </message>
    <message>
        <source>The batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>The epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <source>clipping at</source>
        <translation>按值裁剪</translation>
    </message>
    <message>
        <source>warm-up</source>
        <translation>预热</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>相同设置</translation>
    </message>
    <message>
        <source>units</source>
        <translation>神经元数</translation>
    </message>
    <message>
        <source>filters</source>
        <translation>滤波器</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>bias init</source>
        <translation>偏置初始化</translation>
    </message>
    <message>
        <source>dropout rate</source>
        <translation>丢弃率</translation>
    </message>
    <message>
        <source>weight init</source>
        <translation>权重初始化</translation>
    </message>
    <message>
        <source>init scale</source>
        <translation>初始化缩放</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>steps per period</source>
        <translation>每段步数</translation>
    </message>
    <message>
        <source>final rate</source>
        <translation>最终学习率</translation>
    </message>
    <message>
        <source>points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>steps to the end</source>
        <translation>到结束的步数</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>training share</source>
        <translation>训练集比例</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>subset</source>
        <translation>子集</translation>
    </message>
    <message>
        <source>(+{0} more)</source>
        <translation>（另有 {0} 处）</translation>
    </message>
    <message>
        <source>{change}, {next_change}</source>
        <translation>{change}，{next_change}</translation>
    </message>
    <message>
        <source>{0}: the kept runs must be a list of at most {1}.</source>
        <translation>{0}：已保留的运行必须是一个列表，最多 {1} 项。</translation>
    </message>
    <message>
        <source>{0}: {1} holds {2}, which belongs to no kept run: the file is damaged.</source>
        <translation>{0}：{1} 中有 {2}，它不属于任何已保留的运行：文件已损坏。</translation>
    </message>
    <message>
        <source>{0}: kept run {1}</source>
        <translation>{0}：第 {1} 个已保留的运行</translation>
    </message>
    <message>
        <source>{0}: the number of the kept run that its run is must name one of its {1} kept runs, counted from 0: the file is damaged.</source>
        <translation>{0}：项目自己的运行对应的已保留运行编号，必须指向它的 {1} 个已保留运行之一（从 0 数起）：文件已损坏。</translation>
    </message>
    <message>
        <source>{0} must be an object.</source>
        <translation>{0}必须是一个对象。</translation>
    </message>
    <message>
        <source>{0}: its name must be text of at most {1} characters.</source>
        <translation>{0}：它的名称必须是不超过 {1} 个字符的文本。</translation>
    </message>
    <message>
        <source>{0} lacks its training settings.</source>
        <translation>{0}缺少训练设置。</translation>
    </message>
    <message>
        <source>{0}: its step must be a whole number.</source>
        <translation>{0}：它的步数必须是整数。</translation>
    </message>
    <message>
        <source>{0}: its epoch must be a whole number.</source>
        <translation>{0}：它的轮数必须是整数。</translation>
    </message>
    <message>
        <source>{0}: its batch size must be a whole number.</source>
        <translation>{0}：它的批量大小必须是正整数。</translation>
    </message>
    <message>
        <source>{0} cannot be read: {1}</source>
        <translation>{0}无法读取：{1}</translation>
    </message>
    <message>
        <source>{0}: its history is damaged: its series are not lists of one length with steps.</source>
        <translation>{0}：它的历史已损坏：其中的序列不是带有步数、长度一致的列表。</translation>
    </message>
    <message>
        <source>{0}: its history has {1:,} series, more than the {2} a kept run keeps: the file is damaged.</source>
        <translation>{0}：它的历史有 {1:,} 个序列，超过了已保留运行最多保存的 {2} 个：文件已损坏。</translation>
    </message>
    <message>
        <source>{0}: its history&apos;s step numbers are not all whole numbers.</source>
        <translation>{0}：它的历史中的步数并不都是整数。</translation>
    </message>
    <message>
        <source>There is no language {0!r}: choose one of {1}.</source>
        <translation>没有名为 {0!r} 的语言：请从 {1} 中选择一个。</translation>
    </message>
    <message>
        <source>The translation file {0} cannot be read ({1}): reinstall the app.</source>
        <translation>无法读取翻译文件 {0}（{1}）：请重新安装本应用。</translation>
    </message>
    <message>
        <source>it must be an object of {0}</source>
        <translation>它必须是由各{0}组成的对象</translation>
    </message>
    <message>
        <source>it names {0} that do not exist: {1}</source>
        <translation>其中列出了不存在的{0}：{1}</translation>
    </message>
    <message>
        <source>The {0} translation of {1} ({2}) is damaged ({3}): reinstall the app.</source>
        <translation>{1}的 {0} 译文（{2}）已损坏（{3}）：请重新安装本应用。</translation>
    </message>
    <message>
        <source>datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>where the datasets come from</source>
        <translation>数据集的来源</translation>
    </message>
    <message>
        <source>the datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>The number of epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <source>The epoch to stop at</source>
        <translation>停止的轮次</translation>
    </message>
    <message>
        <source>The seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>The snapshot rate</source>
        <translation>快照频率</translation>
    </message>
    <message>
        <source>The training speed</source>
        <translation>训练速度</translation>
    </message>
    <message>
        <source>The example number</source>
        <translation>样本编号</translation>
    </message>
    <message>
        <source>The test image&apos;s number</source>
        <translation>测试图像的编号</translation>
    </message>
    <message>
        <source>The backend is named by a word: auto, numpy or cupy.</source>
        <translation>计算后端要用一个词指定：auto、numpy 或 cupy。</translation>
    </message>
    <message>
        <source>There is no Dense layer {0!r} to set a weight of: pick one of none.</source>
        <translation>没有可设置权重的全连接层 {0!r}：这个网络没有全连接层，请先添加一个。</translation>
    </message>
    <message>
        <source>There is no Dense layer {0!r} to set a weight of: pick one of {1}.</source>
        <translation>没有可设置权重的全连接层 {0!r}：请从 {1} 中选一个。</translation>
    </message>
    <message>
        <source>The weight&apos;s row</source>
        <translation>权重的行号</translation>
    </message>
    <message>
        <source>The weight&apos;s column</source>
        <translation>权重的列号</translation>
    </message>
    <message>
        <source>Layer {0}&apos;s W is {1} by {2}: pick a row from 0 to {3} and a column from 0 to {4}.</source>
        <translation>第 {0} 层的 W 有 {1} 行 {2} 列：请选择 0 到 {3} 之间的行和 0 到 {4} 之间的列。</translation>
    </message>
    <message>
        <source>The weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>The weight expected</source>
        <translation>预期的权重</translation>
    </message>
    <message>
        <source>The saved batch order does not match the training data: the data set has changed.</source>
        <translation>保存的批量顺序与训练数据不符：数据集已经变了。</translation>
    </message>
    <message>
        <source>The saved optimizer state does not fit this optimizer: it was saved for another one.</source>
        <translation>保存的优化器状态与这个优化器不符：它是为另一个优化器保存的。</translation>
    </message>
    <message>
        <source>The saved gradient has {0:,} numbers, but this network has {1:,} parameters: it belongs to another network.</source>
        <translation>保存的梯度有 {0:,} 个数，但这个网络有 {1:,} 个参数：它属于另一个网络。</translation>
    </message>
    <message>
        <source>The saved weights hold {0}, which this network has not: they belong to another network.</source>
        <translation>保存的权重中有 {0}，而这个网络没有：它们属于另一个网络。</translation>
    </message>
    <message>
        <source>Training stopped because of an internal error ({0}: {1}). Please report it; the details are in the terminal output.</source>
        <translation>训练因内部错误而停止（{0}：{1}）。请报告此问题；详细信息在终端输出中。</translation>
    </message>
    <message>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <source>Exclusive or (XOR)</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>两个高斯分布</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>双月形</translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation>平面（回归）</translation>
    </message>
    <message>
        <source>Mixture of Gaussians (regression)</source>
        <translation>高斯混合（回归）</translation>
    </message>
    <message>
        <source>Sine wave (regression)</source>
        <translation>正弦波（回归）</translation>
    </message>
    <message>
        <source>Iris flowers</source>
        <translation>鸢尾花</translation>
    </message>
    <message>
        <source>Handwritten digits (8×8)</source>
        <translation>手写数字（8×8）</translation>
    </message>
    <message>
        <source>Breast cancer diagnosis</source>
        <translation>乳腺癌诊断</translation>
    </message>
    <message>
        <source>Diabetes progression (regression)</source>
        <translation>糖尿病进展（回归）</translation>
    </message>
    <message>
        <source>MNIST digits</source>
        <translation>MNIST 手写数字</translation>
    </message>
    <message>
        <source>Fashion-MNIST clothes</source>
        <translation>Fashion-MNIST 服装</translation>
    </message>
    <message>
        <source>Kuzushiji-MNIST characters</source>
        <translation>Kuzushiji-MNIST 古日文字符</translation>
    </message>
    <message>
        <source>CIFAR-10 photos</source>
        <translation>CIFAR-10 照片</translation>
    </message>
    <message>
        <source>step (curves: the mean over the last {0}% of the steps, {1} at least)</source>
        <translation>步（曲线：最近 {0}% 步数上的平均，至少 {1} 步）</translation>
    </message>
    <message>
        <source>New data: {0:,} training images of {1}×{2} pixels.</source>
        <translation>新数据：{0:,} 张训练图像，每张 {1}×{2} 像素。</translation>
    </message>
    <message>
        <source>New data: {0:,} training images of {1}×{2} pixels, {3} channels.</source>
        <translation>新数据：{0:,} 张训练图像，每张 {1}×{2} 像素，{3} 个通道。</translation>
    </message>
    <message>
        <source>New data: {0} training points, features {1}.</source>
        <translation>新数据：{0} 个训练点，特征 {1}。</translation>
    </message>
    <message>
        <source>New data: {0} training points, {1} features.</source>
        <translation>新数据：{0} 个训练点，{1} 个特征。</translation>
    </message>
    <message>
        <source>The first layer now takes {0:,} inputs.</source>
        <translation>第一层现在接收 {0:,} 个输入。</translation>
    </message>
    <message>
        <source>The output layer now gives 1 output, for the {1} loss.</source>
        <translation>输出层现在给出 1 个输出，配合损失函数“{1}”。</translation>
    </message>
    <message>
        <source>The output layer now gives {0} outputs, for the {1} loss.</source>
        <translation>输出层现在给出 {0} 个输出，配合损失函数“{1}”。</translation>
    </message>
    <message>
        <source>Training starts over from new random weights.</source>
        <translation>训练从新的随机权重重新开始。</translation>
    </message>
    <message>
        <source>CIFAR-10&apos;s python batches (data_batch_1 … test_batch)</source>
        <translation>CIFAR-10 的 Python 版批次文件 data_batch_1 … test_batch</translation>
    </message>
    <message>
        <source>the four IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-…), gzipped or not</source>
        <translation>四个 IDX 文件 train-images-idx3-ubyte、train-labels-idx1-ubyte、t10k-…，可以是 .gz 压缩的</translation>
    </message>
    <message>
        <source>Download {0}?</source>
        <translation>下载 {0}？</translation>
    </message>
    <message>
        <source>{0} is not on this computer yet. Download it now? It is kept in {1} for next time. If you have its files, {2}, you can read them from a folder instead.</source>
        <translation>这台计算机上还没有 {0}。现在下载吗？它会保存在 {1}，下次直接使用。如果你已有它的文件（{2}），也可以改为从文件夹读取。</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Read from a folder…</source>
        <translation>从文件夹读取…</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>T恤/上衣</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>短靴</translation>
    </message>
    <message>
        <source>airplane</source>
        <translation>飞机</translation>
    </message>
    <message>
        <source>automobile</source>
        <translation>汽车</translation>
    </message>
    <message>
        <source>bird</source>
        <translation>鸟</translation>
    </message>
    <message>
        <source>cat</source>
        <translation>猫</translation>
    </message>
    <message>
        <source>deer</source>
        <translation>鹿</translation>
    </message>
    <message>
        <source>dog</source>
        <translation>狗</translation>
    </message>
    <message>
        <source>frog</source>
        <translation>青蛙</translation>
    </message>
    <message>
        <source>horse</source>
        <translation>马</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>船</translation>
    </message>
    <message>
        <source>truck</source>
        <translation>卡车</translation>
    </message>
    <message>
        <source>{0} is not on this computer, and this app cannot download it: choose it again to read its files from a folder.</source>
        <translation>{0} 不在这台电脑上，而本应用无法下载它：请再次选择它，从文件夹读取它的文件。</translation>
    </message>
    <message>
        <source>{0} is not downloaded yet: choose it again to download it or read its files from a folder, or run &apos;{1}&apos; once.</source>
        <translation>{0} 还没有下载：请再次选择它来下载，或从文件夹读取它的文件；也可以运行一次 &apos;{1}&apos;。</translation>
    </message>
</context>
<context>
    <name>AccuracyPlot</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>A regression predicts numbers, not classes, so there is no accuracy to plot: how far off it is shows as the loss, on the Loss tab.</source>
        <translation>回归预测的是数值而不是类别，所以没有准确率可画：预测偏差有多大，请看“损失函数”标签页中的损失。</translation>
    </message>
</context>
<context>
    <name>ActivationPlot</name>
    <message>
        <source>The layer whose output distribution is shown, at its own scale</source>
        <translation>按其自身刻度显示输出分布的层</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>share of values</source>
        <translation>数值占比</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <source>All layers</source>
        <translation>所有层</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>饱和</translation>
    </message>
    <message>
        <source>weighted sums</source>
        <translation>加权和</translation>
    </message>
    <message>
        <source>normalized values</source>
        <translation>归一化后的值</translation>
    </message>
    <message>
        <source>weighted sums or normalized values</source>
        <translation>加权和或归一化后的值</translation>
    </message>
    <message>
        <source>Left out, without an activation function: layer {0} ({1}, on a scale of its own).</source>
        <translation>未显示没有激活函数的第 {0} 层（{1}，有自己的刻度）。</translation>
    </message>
    <message>
        <source>Left out, without an activation function: layers {0} ({1}, on scales of their own).</source>
        <translation>未显示没有激活函数的第 {0} 层（{1}，各有自己的刻度）。</translation>
    </message>
    <message>
        <source>Red (layer {0}) to blue (layer {1}); choose one to see its dead or saturated share.</source>
        <translation>红色（第 {0} 层）到蓝色（第 {1} 层）；选择一层可查看其死亡或饱和占比。</translation>
    </message>
</context>
<context>
    <name>ComparePlot</name>
    <message>
        <source>Test loss</source>
        <translation>测试集损失</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练集损失</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>测试集准确率</translation>
    </message>
    <message>
        <source>Training accuracy</source>
        <translation>训练集准确率</translation>
    </message>
    <message>
        <source>Gradient norm ‖∂L/∂W‖</source>
        <translation>梯度范数 ‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>Update ratio ‖ΔW‖ / ‖W‖</source>
        <translation>更新比例 ‖ΔW‖ / ‖W‖</translation>
    </message>
    <message>
        <source>What the runs are compared on</source>
        <translation>比较运行时所用的指标</translation>
    </message>
    <message>
        <source>The layer whose weights&apos; gradient norm or update ratio is shown</source>
        <translation>显示哪一层权重的梯度范数或更新比例</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Show the losses on a logarithmic axis</source>
        <translation>用对数坐标轴显示损失</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Choose the kept runs to show</source>
        <translation>选择要显示的已保留运行</translation>
    </message>
    <message>
        <source>Keep a run (Keep, or K) to compare the next one with it.</source>
        <translation>保留一次运行（“保留”按钮或 K 键），以便和下一次比较。</translation>
    </message>
    <message>
        <source>The runs shown are regressions: they predict numbers, not classes, so they have no accuracy to compare. Compare them on a loss.</source>
        <translation>所显示的运行都是回归：它们预测的是数值而不是类别，所以没有准确率可比较。请在损失上比较它们。</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Gradient norm ‖∂L/∂K‖</source>
        <translation>梯度范数 ‖∂L/∂K‖</translation>
    </message>
    <message>
        <source>Update ratio ‖ΔK‖ / ‖K‖</source>
        <translation>更新比例 ‖ΔK‖ / ‖K‖</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>本次运行</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
</context>
<context>
    <name>ControlBar</name>
    <message>
        <source>Load a ready-made network, its training settings and dataset</source>
        <translation>加载一个现成的网络及其训练设置和数据集</translation>
    </message>
    <message>
        <source>(project)</source>
        <translation>（项目）</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train on one batch, then pause (Right arrow)</source>
        <translation>训练一个批量后暂停（右方向键）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Start over from freshly initialized weights (R)</source>
        <translation>从重新初始化的权重开始（R）</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Keep this run for comparison with the next in the Compare tab (K)</source>
        <translation>保留本次运行，在“比较”标签页中与下一次比较（K）</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Step one batch</source>
        <translation>训练一个批量(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reset the weights</source>
        <translation>重置权重(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep this run for comparison</source>
        <translation>保留本次运行用于比较(&amp;K)</translation>
    </message>
    <message>
        <source>1 step a frame</source>
        <translation>每帧 1 步</translation>
    </message>
    <message>
        <source>10 steps a frame</source>
        <translation>每帧 10 步</translation>
    </message>
    <message>
        <source>100 steps a frame</source>
        <translation>每帧 100 步</translation>
    </message>
    <message>
        <source>1 epoch a frame</source>
        <translation>每帧 1 轮</translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>How much training each frame shows, 30 frames a second: one step to watch every update, one epoch as TensorFlow Playground goes, or as fast as it goes. Applies at once; Step is always one step.</source>
        <translation>每帧显示多少训练，每秒 30 帧：每帧一步可以看清每次更新，每帧一轮和 TensorFlow Playground 一样，也可以全速运行。立即生效；“单步”始终是一步。</translation>
    </message>
    <message>
        <source>An epoch to stop at is 1 or more: {typed} became never, so training runs until paused.</source>
        <translation>停止的轮次至少为 1：{typed} 已改为“不停”，训练会一直进行，直到暂停。</translation>
    </message>
    <message>
        <source>Training stops at epoch {maximum} at the latest: {typed} became {became}.</source>
        <translation>训练最晚在第 {maximum} 轮停止：{typed} 已改为 {became}。</translation>
    </message>
    <message>
        <source>Training pauses by itself at the end of this epoch, and Train goes on from there; never: it trains until you pause it. Applies at once.</source>
        <translation>训练到这一轮结束时会自动暂停，再点击“训练”便从那里继续；“不停”：一直训练，直到你暂停。立即生效。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>不停</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Step size of each update; applies at once</source>
        <translation>每次更新的步长；立即生效</translation>
    </message>
    <message>
        <source>A learning rate of {value} is far above the usual 0.0001 to 1: training will likely diverge. It applies all the same.</source>
        <translation>学习率 {value} 远高于通常的 0.0001 到 1：训练很可能发散。但仍会照此使用。</translation>
    </message>
    <message>
        <source>A batch holds at least one example: {typed} became {became}.</source>
        <translation>一个批量至少包含一个样本：{typed} 已改为 {became}。</translation>
    </message>
    <message>
        <source>The training data has {maximum} examples, so a batch of {typed} became {became}, all of them.</source>
        <translation>训练集只有 {maximum} 个样本，所以批量大小 {typed} 已改为 {became}，即全部样本。</translation>
    </message>
    <message>
        <source>Examples per update; applies at once</source>
        <translation>每次更新使用的样本数（批量大小）；立即生效</translation>
    </message>
    <message>
        <source>How gradients become updates; switching keeps the weights</source>
        <translation>梯度如何变成更新；切换时保留权重</translation>
    </message>
    <message>
        <source>More optimizer settings: momentum, Adam&apos;s betas, gradient clipping, the learning-rate schedule</source>
        <translation>更多优化器设置：动量、Adam 的 β、梯度裁剪、学习率调度</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>A penalty on large weights: L1 pushes them to zero, L2 shrinks them; applies at once</source>
        <translation>对大权重的惩罚（正则化）：L1 把它们推向零，L2 让它们缩小；立即生效</translation>
    </message>
    <message>
        <source>regularization rate</source>
        <translation>正则化强度</translation>
    </message>
    <message>
        <source>How strong the penalty is; applies at once</source>
        <translation>惩罚的强度；立即生效</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>Stop at epoch:</source>
        <translation>停在第几轮：</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <source>Batch:</source>
        <translation>批量大小：</translation>
    </message>
    <message>
        <source>Optimizer:</source>
        <translation>优化器：</translation>
    </message>
    <message>
        <source>Regularization:</source>
        <translation>正则化：</translation>
    </message>
    <message>
        <source>Backend:</source>
        <translation>计算后端：</translation>
    </message>
    <message>
        <source>The arithmetic runs on the CPU</source>
        <translation>在 CPU 上计算</translation>
    </message>
    <message>
        <source>CuPy (GPU)</source>
        <translation>CuPy（GPU）</translation>
    </message>
    <message>
        <source>The arithmetic runs on the NVIDIA GPU</source>
        <translation>在 NVIDIA GPU 上计算</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>here, CuPy for a network of {0:,} multiply-adds a training step or more</source>
        <translation>此处：每个训练步 {0:,} 次乘加及以上的网络用 CuPy</translation>
    </message>
    <message>
        <source>CuPy where it works and the network is large enough to gain from it, else NumPy ({0})</source>
        <translation>CuPy 可用且网络大到能从中获益时用 CuPy，否则用 NumPy（{0}）</translation>
    </message>
    <message>
        <source>here, NumPy: {0}</source>
        <translation>此处为 NumPy：{0}</translation>
    </message>
    <message>
        <source>Where the arithmetic runs; changing it moves the weights and the optimizer&apos;s state across, and training goes on</source>
        <translation>在哪里计算；切换时会把权重和优化器状态一起搬过去，训练继续进行</translation>
    </message>
    <message>
        <source>{0} (changed)</source>
        <translation>{0}（已更改）</translation>
    </message>
    <message>
        <source>Start or pause training (Space)</source>
        <translation>开始或暂停训练（空格键）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
</context>
<context>
    <name>DataDownloads</name>
    <message>
        <source>Downloading {0}…</source>
        <translation>正在下载 {0}…</translation>
    </message>
    <message>
        <source>{0} not downloaded</source>
        <translation>{0} 未下载</translation>
    </message>
    <message>
        <source>Downloading {0}: {1:.1f} MB</source>
        <translation>正在下载 {0}：{1:.1f} MB</translation>
    </message>
    <message>
        <source>{0} is not on this computer</source>
        <translation>这台计算机上没有 {0}</translation>
    </message>
    <message>
        <source>{0} is not on this computer, and downloading it needs torchvision, which is not installed ({1}). If you have its files, {2}, choose the folder that holds them.</source>
        <translation>这台计算机上没有 {0}，而下载它需要 torchvision，但它没有安装（{1}）。如果你有它的文件（{2}），请选择存放它们的文件夹。</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>The folder with {0}&apos;s files: {1}</source>
        <translation>存放 {0} 文件的文件夹：{1}</translation>
    </message>
    <message>
        <source>{0} not loaded</source>
        <translation>{0} 未加载</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Noise in percent: how far labels stray</source>
        <translation>噪声百分比：标签偏离的程度</translation>
    </message>
    <message>
        <source>Share of the points used for training</source>
        <translation>用于训练集的点所占比例</translation>
    </message>
    <message>
        <source>A set needs at least {minimum} points to split and train on: {typed} became {became}.</source>
        <translation>数据集至少需要 {minimum} 个点才能划分和训练：{typed} 已改为 {became}。</translation>
    </message>
    <message>
        <source>At most {maximum} points, so that the picture stays quick to draw: {typed} became {became}.</source>
        <translation>最多 {maximum} 个点，以保证画图够快：{typed} 已改为 {became}。</translation>
    </message>
    <message>
        <source>How many points to generate</source>
        <translation>要生成多少个点</translation>
    </message>
    <message>
        <source>The same seed gives the same points</source>
        <translation>相同的随机种子生成相同的点</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>New points from the next seed</source>
        <translation>用下一个随机种子生成新的点</translation>
    </message>
    <message>
        <source>Feed {0} to the network</source>
        <translation>把 {0} 输入网络</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Training share</source>
        <translation>训练集比例</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Read its files from a folder…</source>
        <translation>从文件夹读取它的文件…</translation>
    </message>
    <message>
        <source>Use the image set&apos;s own files (IDX, or CIFAR-10&apos;s batches) from a folder on this computer, without downloading</source>
        <translation>使用这台计算机上某个文件夹里的图像集原始文件（IDX 或 CIFAR-10 的批文件），无需下载</translation>
    </message>
    <message>
        <source>CSV file…</source>
        <translation>CSV 文件…</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>{0} Not downloaded yet: the first load downloads it.</source>
        <translation>{0} 尚未下载：第一次加载时会下载。</translation>
    </message>
    <message>
        <source>{0} Not on this computer, and downloading needs torchvision: choosing it offers to read its files from a folder.</source>
        <translation>{0} 不在这台计算机上，且下载需要 torchvision：选择它时可以从文件夹读取它的文件。</translation>
    </message>
    <message>
        <source>Open a CSV file</source>
        <translation>打开 CSV 文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The network needs at least one input feature, so the last one stays checked.</source>
        <translation>网络至少需要一个输入特征，所以最后一个保持勾选。</translation>
    </message>
</context>
<context>
    <name>DecisionBoundaryView</name>
    <message>
        <source>Click a training point to step through backpropagation on it</source>
        <translation>点击一个训练点，单步查看它的反向传播</translation>
    </message>
    <message>
        <source>Show the network&apos;s output again</source>
        <translation>重新显示网络的输出</translation>
    </message>
    <message>
        <source>Discretize output</source>
        <translation>离散化输出</translation>
    </message>
    <message>
        <source>Show the predicted class (or sign) instead of the smooth output</source>
        <translation>显示预测的类别（或符号），而不是平滑的输出</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>显示测试集</translation>
    </message>
    <message>
        <source>Draw the test points too, ringed in black</source>
        <translation>同时画出测试集的点，带黑色圆圈</translation>
    </message>
    <message>
        <source>input feature {0}</source>
        <translation>输入特征 {0}</translation>
    </message>
    <message>
        <source>layer {0}, unit {1}</source>
        <translation>第 {0} 层，神经元 {1}</translation>
    </message>
    <message>
        <source>Showing {0}, under the pointer</source>
        <translation>显示鼠标所指的 {0}</translation>
    </message>
    <message>
        <source>Showing input feature {0} — click to go back to the output</source>
        <translation>显示输入特征 {0} —— 点击返回输出</translation>
    </message>
    <message>
        <source>Showing layer {0}, unit {1} — click to go back to the output</source>
        <translation>显示第 {0} 层神经元 {1} —— 点击返回输出</translation>
    </message>
</context>
<context>
    <name>FeatureMapsView</name>
    <message>
        <source>One test image through every layer shows here once training starts (Train or Step).</source>
        <translation>开始训练后（训练或单步），这里会显示一张测试图像经过每一层的结果。</translation>
    </message>
    <message>
        <source>Which test image to follow through the network</source>
        <translation>要跟踪经过网络的测试图像</translation>
    </message>
    <message>
        <source>Test image</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>layer {0}
{1}</source>
        <translation>第 {0} 层
{1}</translation>
    </message>
    <message>
        <source>Each layer&apos;s output for this test image, as it is now: a tile per map. Blue above zero, orange below, each layer on its own scale; hover over a value to read it.</source>
        <translation>这张测试图像在每一层当前的输出：每张特征图一块。蓝色大于零，橙色小于零，每层各用自己的刻度；鼠标悬停可读取数值。</translation>
    </message>
    <message>
        <source>predicted {0}</source>
        <translation>预测为 {0}</translation>
    </message>
    <message>
        <source>true class {0} · predicted {1} ({2:.0%})</source>
        <translation>真实类别 {0} · 预测为 {1}（{2:.0%}）</translation>
    </message>
</context>
<context>
    <name>FiltersView</name>
    <message>
        <source>Each Conv2D layer&apos;s kernels show here as they learn, once training starts (Train or Step).</source>
        <translation>开始训练后（训练或单步），这里会显示每个卷积层的卷积核如何学习。</translation>
    </message>
    <message>
        <source>layer {0}
{1}
{2} → {3} maps</source>
        <translation>第 {0} 层
{1}
{2} → {3} 张特征图</translation>
    </message>
    <message>
        <source>K[c, :, :, f] of each Conv2D layer: a row per input channel c, a column per filter f. Blue above zero, orange below, each layer on its own scale; hover over a weight to read it.</source>
        <translation>每个卷积层的 K[c, :, :, f]：每个输入通道 c 一行，每个滤波器 f 一列。蓝色大于零，橙色小于零，每层各用自己的刻度；鼠标悬停可读取权重。</translation>
    </message>
</context>
<context>
    <name>FitView</name>
    <message>
        <source>Where a perfect prediction lies: predicted = true</source>
        <translation>完美预测所在的位置：预测值 = 真实值</translation>
    </message>
    <message>
        <source>Click a training point to step through backpropagation on it</source>
        <translation>点击一个训练点，单步查看它的反向传播</translation>
    </message>
    <message>
        <source>Show test data</source>
        <translation>显示测试集</translation>
    </message>
    <message>
        <source>Draw the test points too, ringed in black</source>
        <translation>同时画出测试集的点，带黑色圆圈</translation>
    </message>
    <message>
        <source>value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>true {0}</source>
        <translation>真实{0}</translation>
    </message>
    <message>
        <source>predicted {0}</source>
        <translation>预测{0}</translation>
    </message>
    <message>
        <source>The network&apos;s predictions show here once it starts training.</source>
        <translation>网络开始训练后，它的预测会显示在这里。</translation>
    </message>
    <message>
        <source>Typical error on the test data {0} (R² {1}), on the training data {2}</source>
        <translation>典型误差：测试集上 {0}（R² {1}），训练集上 {2}</translation>
    </message>
    <message>
        <source>The prediction leaves the chart: it spans {0} to {1}.</source>
        <translation>预测曲线超出了图表：它的范围是 {0} 到 {1}。</translation>
    </message>
    <message>
        <source>All {0} training predictions lie off the chart, from {1} to {2}.</source>
        <translation>全部 {0} 个训练集预测都落在图表之外，范围从 {1} 到 {2}。</translation>
    </message>
    <message>
        <source>{0} of the {1} training predictions lie off the chart, from {2} to {3}.</source>
        <translation>{1} 个训练集预测中有 {0} 个落在图表之外，范围从 {2} 到 {3}。</translation>
    </message>
    <message>
        <source>training data</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>test data</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>预测</translation>
    </message>
</context>
<context>
    <name>GradientCheck</name>
    <message>
        <source>Check this gradient</source>
        <translation>检验这个梯度</translation>
    </message>
    <message>
        <source>Compare this layer&apos;s gradients with finite differences in float64</source>
        <translation>用 float64 有限差分检验这一层的梯度</translation>
    </message>
    <message>
        <source>Checking against finite differences…</source>
        <translation>正在与有限差分比较…</translation>
    </message>
    <message>
        <source>The gradient check failed to run: {0}</source>
        <translation>梯度检验未能运行：{0}</translation>
    </message>
    <message>
        <source>Layer {0} has no parameters; across the network the largest relative error is {1:.1e}.</source>
        <translation>第 {0} 层没有参数；整个网络的最大相对误差是 {1:.1e}。</translation>
    </message>
    <message>
        <source>agree</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>DISAGREE</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>Finite differences and the hand-written gradients {0} (max relative error {1}; below {2:.0e} agrees).</source>
        <translation>有限差分与手写梯度{0}（最大相对误差 {1}；低于 {2:.0e} 即为一致）。</translation>
    </message>
</context>
<context>
    <name>GradientPlot</name>
    <message>
        <source>‖∂L/∂W‖</source>
        <translation>‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>The norm of the gradient of each layer&apos;s weights as backprop computed it: before clipping, and of the loss the window shows, without the L1/L2 penalty.</source>
        <translation>每一层权重的梯度范数，即反向传播算出的值：在裁剪之前，且针对窗口显示的损失，不含 L1/L2 惩罚项。</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖, ‖∂L/∂K‖</source>
        <translation>‖∂L/∂W‖，‖∂L/∂K‖</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <source>Exploding gradients: layer {0}&apos;s gradient norm is {1:.1e}</source>
        <translation>梯度爆炸：第 {0} 层的梯度范数为 {1:.1e}</translation>
    </message>
    <message>
        <source>Vanishing gradients: layer {0} gets no gradient at all</source>
        <translation>梯度消失：第 {0} 层完全没有得到梯度</translation>
    </message>
    <message>
        <source>Vanishing gradients: layer {0} gets 1/{1} of the gradient of layer {2}</source>
        <translation>梯度消失：第 {0} 层得到的梯度只有第 {2} 层的 1/{1}</translation>
    </message>
</context>
<context>
    <name>ImageGallery</name>
    <message>
        <source>true class {0}; not predicted yet</source>
        <translation>真实类别 {0}；尚未预测</translation>
    </message>
    <message>
        <source>Under each image, the class predicted; in red, a mistake: predicted ≠ true class</source>
        <translation>每张图片下是预测的类别；红色表示预测错误：预测 ≠ 真实类别</translation>
    </message>
    <message>
        <source>Not predicted yet: Train or Step, and the class the network predicts shows under each image</source>
        <translation>尚未预测：点“训练”或“单步”后，每张图片下会显示网络预测的类别</translation>
    </message>
    <message>
        <source>predicted {0}, true class {1}</source>
        <translation>预测为 {0}，真实类别为 {1}</translation>
    </message>
</context>
<context>
    <name>LayerBuilder</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add the layer type chosen in the palette after the selected layer</source>
        <translation>在所选层之后添加面板中选中的层类型</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove the selected layer (Delete)</source>
        <translation>删除所选的层（Delete）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last edit of the network (Ctrl+Z)</source>
        <translation>撤销对网络的上一次编辑（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo the edit just undone (Ctrl+Shift+Z)</source>
        <translation>重做刚撤销的编辑（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>What training minimizes; classification losses take the raw outputs</source>
        <translation>训练要最小化的损失函数；分类损失接收原始输出</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>添加 {0}</translation>
    </message>
    <message>
        <source>Remove layer {0}</source>
        <translation>删除第 {0} 层</translation>
    </message>
    <message>
        <source>Move layer {0}</source>
        <translation>移动第 {0} 层</translation>
    </message>
    <message>
        <source>Set {0} of layer {1}</source>
        <translation>设置第 {1} 层的 {0}</translation>
    </message>
    <message>
        <source>Use the {0} loss</source>
        <translation>使用 {0} 损失</translation>
    </message>
    <message>
        <source>Fit the output layer to the data</source>
        <translation>让输出层适配数据</translation>
    </message>
    <message>
        <source>{0:,} parameters in all</source>
        <translation>共 {0:,} 个参数</translation>
    </message>
    <message>
        <source>{0} in the block</source>
        <translation>块内 {0}</translation>
    </message>
</context>
<context>
    <name>LayerInspector</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Output mean</source>
        <translation>输出均值</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Output std</source>
        <translation>输出标准差</translation>
    </message>
    <message>
        <source>Dead / saturated</source>
        <translation>死亡 / 饱和</translation>
    </message>
    <message>
        <source>Std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <source>Dead/
sat.</source>
        <translation>死亡/饱和</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖</source>
        <translation>‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>‖ΔW‖/‖W‖</source>
        <translation>‖ΔW‖/‖W‖</translation>
    </message>
    <message>
        <source>The norm of the gradient of the layer&apos;s weights at the last step, as backprop computed it: before clipping, and of the loss the window shows, without the L1/L2 penalty. One batch&apos;s, so it jumps from step to step; the Gradients tab draws its mean over the last {0}% of the steps, {1} at least.</source>
        <translation>这一层权重在最后一步的梯度范数，即反向传播算出的值：在裁剪之前，且针对窗口显示的损失，不含 L1/L2 惩罚项。它只来自一个批次，所以每一步都会跳动；“梯度”页画的是它在最近 {0}% 步数上的平均，至少 {1} 步。</translation>
    </message>
    <message>
        <source>How much the last step changed the weights, relative to their size. About 1e-3 is healthy; far above, the learning rate is too high; far below, too low.</source>
        <translation>上一步权重的变化量相对于权重大小的比例。1e-3 左右是健康的；远高于此说明学习率太大，远低于此说明太小。</translation>
    </message>
    <message>
        <source>‖ΔW‖ / ‖W‖: blue between 1e-4 and 1e-2, where training moves at a healthy pace; orange outside, where the learning rate is likely too high or too low.</source>
        <translation>‖ΔW‖ / ‖W‖：在 1e-4 到 1e-2 之间为蓝色，训练速度健康；超出范围为橙色，学习率可能太大或太小。</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖,
‖∂L/∂K‖</source>
        <translation>‖∂L/∂W‖、
‖∂L/∂K‖</translation>
    </message>
    <message>
        <source>‖ΔW‖/‖W‖,
‖ΔK‖/‖K‖</source>
        <translation>‖ΔW‖/‖W‖、
‖ΔK‖/‖K‖</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>saturated</source>
        <translation>饱和</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>too large: lower the learning rate</source>
        <translation>太大：请降低学习率</translation>
    </message>
    <message>
        <source>too small: the weights barely move</source>
        <translation>太小：权重几乎不动</translation>
    </message>
    <message>
        <source>too large to measure: the step was so much larger than the weights that they were lost in its rounding; lower the learning rate</source>
        <translation>大到无法测量：这一步远大于权重，权重在它的舍入中丢失了；请降低学习率</translation>
    </message>
    <message>
        <source> (all the weights in the block)</source>
        <translation>（块内的所有权重）</translation>
    </message>
</context>
<context>
    <name>LayerProperties</name>
    <message>
        <source>Select a layer to edit it.</source>
        <translation>选择一层来编辑它。</translation>
    </message>
    <message>
        <source>A layer has at least one unit: {typed} became {became}.</source>
        <translation>一层至少有一个神经元：{typed} 已改为 {became}。</translation>
    </message>
    <message>
        <source>A layer here has at most {maximum} units, so that training stays responsive: {typed} became {became}.</source>
        <translation>这里每层最多 {maximum} 个神经元，以保证训练响应及时：{typed} 已改为 {became}。</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>神经元数</translation>
    </message>
    <message>
        <source>How many outputs the layer has</source>
        <translation>这一层有多少个输出</translation>
    </message>
    <message>
        <source>How the weights W start</source>
        <translation>权重 W 如何初始化</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>滤波器</translation>
    </message>
    <message>
        <source>filters</source>
        <translation>个滤波器</translation>
    </message>
    <message>
        <source>How many kernels the layer slides over its input: one feature map each</source>
        <translation>这一层在输入上滑动多少个卷积核：每个生成一张特征图</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>The height and width of each kernel</source>
        <translation>每个卷积核的高和宽</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>How far the kernel moves from one output to the next</source>
        <translation>卷积核从一个输出移动到下一个输出的距离</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Zeros around the input; &quot;same&quot; adds as many as keep its size (stride 1)</source>
        <translation>在输入周围补零；“same” 补到保持尺寸不变为止（步幅为 1 时）</translation>
    </message>
    <message>
        <source>How the kernels K start</source>
        <translation>卷积核 K 如何初始化</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>The height and width of each window</source>
        <translation>每个窗口的高和宽</translation>
    </message>
    <message>
        <source>The stride is at least 1, or 0 for &quot;as the window&quot;: {typed} became {became}.</source>
        <translation>步幅至少为 1，或为 0 表示“与窗口相同”：{typed} 已改为 {became}。</translation>
    </message>
    <message>
        <source>as the window</source>
        <translation>与窗口相同</translation>
    </message>
    <message>
        <source>How far the window moves from one output to the next; by default its own size, so that windows do not overlap</source>
        <translation>窗口从一个输出移动到下一个输出的距离；默认等于窗口大小，使窗口互不重叠</translation>
    </message>
    <message>
        <source>Flatten reads the maps before it as one flat vector, channel by channel and row by row, for the Dense layers after it. It has no settings.</source>
        <translation>展平层把前面的特征图按通道、按行读成一个扁平向量，供后面的全连接层使用。它没有可设置的项。</translation>
    </message>
    <message>
        <source>GlobalAvgPool averages each map before it into one value: as many features as there are channels, whatever the size of the maps. It has no settings.</source>
        <translation>全局平均池化把前面的每张特征图平均成一个值：不论特征图多大，特征数都等于通道数。它没有可设置的项。</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>The function applied</source>
        <translation>所用的函数</translation>
    </message>
    <message>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <source>The slope or scale of leaky ReLU and ELU below zero</source>
        <translation>Leaky ReLU 和 ELU 在零以下的斜率或尺度</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>丢弃率</translation>
    </message>
    <message>
        <source>The share of units zeroed at each training step</source>
        <translation>每个训练步置零的神经元比例</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>How fast the running mean and variance follow the batches</source>
        <translation>滑动均值和方差跟随各批量变化的速度</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>Added to the variance so that it is never divided by zero</source>
        <translation>加在方差上，使其永不除以零</translation>
    </message>
    <message>
        <source>A residual block adds its input to its output. Drop layers onto it to put them inside; its last layer must give back as many features as it gets.</source>
        <translation>残差块把输入加到输出上（残差连接）。把层拖到它上面即可放进块内；块的最后一层输出的特征数必须等于输入的特征数。</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <source>The function g in a = g(z)</source>
        <translation>a = g(z) 中的函数 g</translation>
    </message>
    <message>
        <source>Weight init</source>
        <translation>权重初始化</translation>
    </message>
    <message>
        <source>Bias init</source>
        <translation>偏置初始化</translation>
    </message>
    <message>
        <source>How the bias b starts</source>
        <translation>偏置 b 如何初始化</translation>
    </message>
    <message>
        <source>Init scale</source>
        <translation>初始化缩放</translation>
    </message>
    <message>
        <source>Multiplies the initial weights; default keeps the initializer&apos;s own scale</source>
        <translation>乘在初始权重上；“默认”保持初始化方法自身的尺度</translation>
    </message>
    <message>
        <source>At least 1 is needed: {typed} became {became}.</source>
        <translation>至少需要 1：{typed} 已改为 {became}。</translation>
    </message>
    <message>
        <source>At most {maximum} %s here, so that training stays responsive: {typed} became {became}.</source>
        <translation>这里最多 {maximum} %s，以保证训练响应及时：{typed} 已改为 {became}。</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
</context>
<context>
    <name>LayerTable</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>输出形状</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>(batch, features), or for images (batch, channels, height, width)</source>
        <translation>（批量, 特征），图像则为（批量, 通道, 高, 宽）</translation>
    </message>
</context>
<context>
    <name>LessonButton</name>
    <message>
        <source>Taken to its last step before; a click starts it again</source>
        <translation>以前已学到最后一步；点击可从头再学一遍</translation>
    </message>
</context>
<context>
    <name>LessonList</name>
    <message>
        <source>New to backpropagation? Start here.</source>
        <translation>初学反向传播？从这里开始。</translation>
    </message>
    <message>
        <source>Short lessons, best taken in this order. Each loads its network beside this list and says, step by step, what to press, what to notice and why.</source>
        <translation>几节短小的课程，最好按这个顺序学习。每节课都会在旁边载入它的网络，并一步步告诉你该按什么、该注意什么，以及为什么。</translation>
    </message>
    <message>
        <source>The Lessons menu brings this list back.</source>
        <translation>“课程”菜单可以重新打开这个列表。</translation>
    </message>
    <message>
        <source>Close the list</source>
        <translation>关闭列表</translation>
    </message>
    <message>
        <source>It does not open by itself again: the Lessons menu brings it back</source>
        <translation>之后不会再自动打开：“课程”菜单可以重新打开它</translation>
    </message>
    <message>
        <source>Gradient descent on a straight line, and what too large a learning rate does.</source>
        <translation>直线模型上的梯度下降，以及学习率过大会怎样。</translation>
    </message>
    <message>
        <source>Why the first layers of a deep sigmoid network hardly learn.</source>
        <translation>为什么深层 sigmoid 网络的前几层几乎学不动。</translation>
    </message>
    <message>
        <source>How ReLU and He initialization keep the gradient&apos;s size from the output back to the first layer.</source>
        <translation>ReLU 与 He 初始化如何让梯度从输出层传回第一层时保持大小。</translation>
    </message>
    <message>
        <source>Gradients that blow up, and how clipping and a smaller initial scale tame them.</source>
        <translation>梯度爆炸，以及梯度裁剪和较小的初始尺度如何驯服它。</translation>
    </message>
    <message>
        <source>Plain SGD, momentum and Adam side by side on handwritten digits.</source>
        <translation>在手写数字上并排比较普通 SGD、动量和 Adam。</translation>
    </message>
    <message>
        <source>A network that learns its training points by heart, and how L2 and dropout hold it back.</source>
        <translation>一个把训练点死记硬背下来的网络，以及 L2 正则化和 Dropout 如何抑制它。</translation>
    </message>
    <message>
        <source>How normalizing each layer&apos;s inputs lets a deep sigmoid network train.</source>
        <translation>对每层的输入做归一化，如何让深层 sigmoid 网络训练起来。</translation>
    </message>
    <message>
        <source>How skip connections carry the gradient past a deep stack of layers.</source>
        <translation>跳跃连接如何让梯度越过一摞很深的层。</translation>
    </message>
    <message>
        <source>The article&apos;s network on MNIST (downloaded once), a large learning rate and its warm-up.</source>
        <translation>文章中的 MNIST 网络（只需下载一次）、较大的学习率及其预热。</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>What to do</source>
        <translation>做什么</translation>
    </message>
    <message>
        <source>What to notice</source>
        <translation>注意什么</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>为什么</translation>
    </message>
    <message>
        <source>Keep the run in use for comparison, then make this change (Undo takes it back)</source>
        <translation>保留当前运行以便比较，然后做这个修改（撤销可还原）</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <source>The step before (Alt+B)</source>
        <translation>上一步（Alt+B）</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>The next step (Alt+N)</source>
        <translation>下一步（Alt+N）</translation>
    </message>
    <message>
        <source>◂ All lessons</source>
        <translation>◂ 全部课程</translation>
    </message>
    <message>
        <source>The list of lessons, in the order to take them</source>
        <translation>课程列表，按学习顺序排列</translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <translation>第 {0} 步，共 {1} 步</translation>
    </message>
    <message>
        <source>Made at a later step and still in effect: {0}. This step describes the network before it; Undo takes it back.</source>
        <translation>后面某一步做的改动仍然有效：{0}。这一步说的是改动之前的网络；“撤销”可以撤回这个改动。</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程列表</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>train (mean of the last {0}% of the steps, {1} at least)</source>
        <translation>训练集（最近 {0}% 步数的平均，至少 {1} 步）</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis</source>
        <translation>用对数坐标轴显示损失</translation>
    </message>
    <message>
        <source>data loss (L1 and L2 penalties not included)</source>
        <translation>数据损失（不含 L1 和 L2 惩罚项）</translation>
    </message>
    <message>
        <source>data loss (L1 penalty not included)</source>
        <translation>数据损失（不含 L1 惩罚项）</translation>
    </message>
    <message>
        <source>data loss (L2 penalty not included)</source>
        <translation>数据损失（不含 L2 惩罚项）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Drag a layer onto the network, or double-click it.</source>
        <translation>把层拖到网络上，或双击它。</translation>
    </message>
    <message>
        <source>Loaded preset {0}</source>
        <translation>已加载预设 {0}</translation>
    </message>
    <message>
        <source>Data: {0}. {1}</source>
        <translation>数据：{0}。{1}</translation>
    </message>
    <message>
        <source>Data not loaded</source>
        <translation>数据未加载</translation>
    </message>
    <message>
        <source>Back to the network trained to step {0:,}: its weights and training state are restored</source>
        <translation>回到训练到第 {0:,} 步的网络：它的权重和训练状态已恢复</translation>
    </message>
    <message>
        <source>The network changed, so training starts over from new random weights. Undo (Ctrl+Z) brings back the run at step {0:,}.</source>
        <translation>网络已改变，所以训练从新的随机权重重新开始。撤销（Ctrl+Z）可找回第 {0:,} 步的那次运行。</translation>
    </message>
    <message>
        <source>The backend is now {0}: the weights and the optimizer&apos;s state move across, and training goes on from the same step.</source>
        <translation>计算后端现在是 {0}：权重和优化器状态已搬过去，训练从同一步继续。</translation>
    </message>
    <message>
        <source>epoch {0} · step {1:,}{2} · {3} · test loss {4}{5}</source>
        <translation>第 {0} 轮 · 第 {1:,} 步{2} · {3} · 测试集损失 {4}{5}</translation>
    </message>
    <message>
        <source>Epoch {0:06d}</source>
        <translation>第 {0:06d} 轮</translation>
    </message>
    <message>
        <source>Its first steps can take a few seconds while CuPy compiles its GPU kernels (kept on disk for later runs).</source>
        <translation>最初几步可能要几秒钟：CuPy 正在编译 GPU 内核（编译结果保存在磁盘上，之后的运行不必再编译）。</translation>
    </message>
    <message>
        <source>Lesson not shown</source>
        <translation>未显示课程</translation>
    </message>
    <message>
        <source>Step not shown</source>
        <translation>未显示单步</translation>
    </message>
    <message>
        <source>not trained yet</source>
        <translation>尚未训练</translation>
    </message>
    <message>
        <source>The network changed, so training starts over from new random weights. Redo (Ctrl+Shift+Z) brings back the run at step {0:,}.</source>
        <translation>网络已改变，所以训练从新的随机权重重新开始。重做（Ctrl+Shift+Z）可找回第 {0:,} 步的那次运行。</translation>
    </message>
    <message>
        <source>Training goes on from epoch {0} until you pause it: the epoch to stop at, {1}, is reached. Set a later one to stop there.</source>
        <translation>训练从第 {0} 轮继续，直到你暂停：设定的停止轮次 {1} 已经到了。要在之后某一轮停下，请设定更晚的轮次。</translation>
    </message>
    <message>
        <source>Training is past epoch {0} already: it goes on until you pause it, or set a later epoch to stop at.</source>
        <translation>训练已经过了第 {0} 轮：它会一直进行，直到你暂停；也可以设定更晚的停止轮次。</translation>
    </message>
    <message>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
    <message>
        <source> · test accuracy {0:.1%}</source>
        <translation> · 测试集准确率 {0:.1%}</translation>
    </message>
    <message>
        <source> · {0} samples/s</source>
        <translation> · 每秒 {0} 个样本</translation>
    </message>
    <message>
        <source> · learning rate {0:.3g}</source>
        <translation> · 学习率 {0:.3g}</translation>
    </message>
    <message>
        <source>Test loss on the last {0:,} test examples, {1:,} of them measured at this update</source>
        <translation>最近 {0:,} 个测试样本上的损失，其中 {1:,} 个是在这次更新时测得的</translation>
    </message>
    <message>
        <source>Test loss on {0:,} test examples</source>
        <translation>{0:,} 个测试样本上的损失</translation>
    </message>
    <message>
        <source>Test loss and accuracy on the last {0:,} test examples, {1:,} of them measured at this update</source>
        <translation>最近 {0:,} 个测试样本上的损失和准确率，其中 {1:,} 个是在这次更新时测得的</translation>
    </message>
    <message>
        <source>Test loss and accuracy on {0:,} test examples</source>
        <translation>{0:,} 个测试样本上的损失和准确率</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <source>Hover over a cell to read its value. Turn the wheel to zoom in around the pointer until the cells show their numbers, drag to move, double-click to see the whole matrix again.</source>
        <translation>鼠标悬停在格子上可读取数值。滚动滚轮以指针为中心放大，直到格子里显示数字；拖动可移动，双击可重新看到整个矩阵。</translation>
    </message>
</context>
<context>
    <name>MetricsView</name>
    <message>
        <source>Rows: the true class. Columns: the class the network predicted. The diagonal is what it got right.</source>
        <translation>行：真实类别。列：网络预测的类别。对角线是预测正确的部分。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Confusion matrix: rows are the true class, columns the predicted one.</source>
        <translation>混淆矩阵：行是真实类别，列是预测类别。</translation>
    </message>
    <message>
        <source>The scores on the test data appear here at the end of the first epoch.</source>
        <translation>第一轮结束时，这里会显示测试集上的得分。</translation>
    </message>
    <message>
        <source>Test data after epoch {0}</source>
        <translation>第 {0} 轮之后的测试集</translation>
    </message>
    <message>
        <source>Test data at step {0:,}, paused after epoch {1} and part of the next</source>
        <translation>第 {0:,} 步时的测试集（第 {1} 轮之后，暂停在下一轮中途）</translation>
    </message>
    <message>
        <source>{0}: mean squared error {1:.4g}. A typical error (its square root) is {2}, in the target&apos;s own units.</source>
        <translation>{0}：均方误差 {1:.4g}。典型误差（它的平方根）为 {2}，以目标值本身的单位计。</translation>
    </message>
    <message>
        <source>{0}: mean squared error {1:.4g}, on the target scaled to a standard deviation of 1. A typical error (its square root, scaled back) is {2}, in the target&apos;s own units.</source>
        <translation>{0}：均方误差 {1:.4g}，基于缩放到标准差为 1 的目标值。典型误差（它的平方根，缩放回去）为 {2}，以目标值本身的单位计。</translation>
    </message>
    <message>
        <source>{0}: accuracy {1:.1%}, macro F1 {2:.3f}, loss {3:.4g}.</source>
        <translation>{0}：准确率 {1:.1%}，宏平均 F1 {2:.3f}，损失 {3:.4g}。</translation>
    </message>
    <message>
        <source>Predicted as {0}</source>
        <translation>预测为 {0}</translation>
    </message>
    <message>
        <source>{0} of the {1} test examples of {2} predicted as {3} ({4:.0%})</source>
        <translation>类别 {2} 的 {1} 个测试样本中有 {0} 个被预测为 {3}（{4:.0%}）</translation>
    </message>
    <message>
        <source>average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>The macro average: each class counts the same, however many examples it has.</source>
        <translation>宏平均：不论样本多少，每个类别的权重都相同。</translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <source>Check gradients</source>
        <translation>检验梯度</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Max relative error</source>
        <translation>最大相对误差</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Compare the hand-written gradients with finite differences</source>
        <translation>把手写的梯度与有限差分比较</translation>
    </message>
    <message>
        <source>Checking gradients against finite differences…</source>
        <translation>正在用有限差分检验梯度…</translation>
    </message>
    <message>
        <source>Gradient check failed to run</source>
        <translation>梯度检验未能运行</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Gradient check {0}: largest relative error {1:.1e}</source>
        <translation>梯度检验{0}：最大相对误差 {1:.1e}</translation>
    </message>
</context>
<context>
    <name>OptimizerSettings</name>
    <message>
        <source>Optimizer settings: {0}</source>
        <translation>优化器设置：{0}</translation>
    </message>
    <message>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <source>The weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>The clipping norm</source>
        <translation>裁剪范数</translation>
    </message>
    <message>
        <source>The clipping value</source>
        <translation>裁剪值</translation>
    </message>
    <message>
        <source>γ</source>
        <translation>γ</translation>
    </message>
    <message>
        <source>The final rate</source>
        <translation>最终学习率</translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <source>Test images</source>
        <translation>测试图像</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Stepper</source>
        <translation>单步演示</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>滤波器</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Click an image to follow it through the network in Feature maps</source>
        <translation>点击一张图像，在“特征图”中跟随它穿过网络</translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>{0}[*] — Backprop Playground</source>
        <translation>{0}[*] — Backprop Playground</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Backprop Playground projects (*.bpp)</source>
        <translation>Backprop Playground 项目 (*.bpp)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <source>PyTorch is not installed</source>
        <translation>未安装 PyTorch</translation>
    </message>
    <message>
        <source>Exporting to PyTorch writes code that uses PyTorch, and checks the weights with it. PyTorch is not installed: {0}. The NumPy script export needs nothing more.</source>
        <translation>导出到 PyTorch 会生成使用 PyTorch 的代码，并用它检查权重。PyTorch 未安装：{0}。导出 NumPy 脚本则无需其他依赖。</translation>
    </message>
    <message>
        <source>onnx is not installed</source>
        <translation>未安装 onnx</translation>
    </message>
    <message>
        <source>Exporting to ONNX writes the model with the onnx package, which is not installed: {0}. The NumPy script export needs nothing more.</source>
        <translation>导出到 ONNX 需要用 onnx 包写出模型，但它没有安装：{0}。导出 NumPy 脚本则无需其他依赖。</translation>
    </message>
    <message>
        <source>Export to PyTorch: name the folder to write</source>
        <translation>导出到 PyTorch：给要写入的文件夹命名</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exported the metric history to {0}</source>
        <translation>已把指标历史导出到 {0}</translation>
    </message>
    <message>
        <source>Exported {0} to the folder {1}</source>
        <translation>已把 {0} 导出到文件夹 {1}</translation>
    </message>
    <message>
        <source>Exported the ONNX model to {0}</source>
        <translation>已把 ONNX 模型导出到 {0}</translation>
    </message>
    <message>
        <source>Exported the NumPy script to {0}</source>
        <translation>已把 NumPy 脚本导出到 {0}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Cannot open {0}</source>
        <translation>无法打开 {0}</translation>
    </message>
    <message>
        <source>Restored the work saved automatically, at step {0:,}, stepping through step {1:,}: save it (Ctrl+S) to keep it.</source>
        <translation>已恢复自动保存的工作，位于第 {0:,} 步，正在单步查看第 {1:,} 步：要留下它，请保存（Ctrl+S）。</translation>
    </message>
    <message>
        <source>Restored the work saved automatically, at step {0:,}: save it (Ctrl+S) to keep it.</source>
        <translation>已恢复自动保存的工作，位于第 {0:,} 步：要留下它，请保存（Ctrl+S）。</translation>
    </message>
    <message>
        <source>Opened {0} at step {1:,}, stepping through step {2:,}</source>
        <translation>已打开 {0}，位于第 {1:,} 步，正在单步查看第 {2:,} 步</translation>
    </message>
    <message>
        <source>Opened {0} at step {1:,}</source>
        <translation>已打开 {0}，位于第 {1:,} 步</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>恢复未保存的工作吗？</translation>
    </message>
    <message>
        <source>Backprop Playground did not close normally. Restore the work saved automatically at {0}?</source>
        <translation>Backprop Playground 上次没有正常关闭。要恢复 {0} 自动保存的工作吗？</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RateField</name>
    <message>
        <source>“{0}” is not a usable {1}: type a number 0 or above, such as {2}. It stays {3:g}.</source>
        <translation>“{0}”不是可用的{1}：请输入不小于 0 的数，例如 {2}。仍为 {3:g}。</translation>
    </message>
    <message>
        <source>“{0}” is not a usable {1}: type a number above 0, such as {2}. It stays {3:g}.</source>
        <translation>“{0}”不是可用的{1}：请输入大于 0 的数，例如 {2}。仍为 {3:g}。</translation>
    </message>
</context>
<context>
    <name>RunComparison</name>
    <message>
        <source>&amp;Forget kept runs…</source>
        <translation>忘掉已保留的运行(&amp;F)…</translation>
    </message>
    <message>
        <source>Nothing to keep yet: train first, then keep the run to compare the next one with it.</source>
        <translation>还没有可保留的内容：先训练，再保留这次运行，以便和下一次比较。</translation>
    </message>
    <message>
        <source>{0} runs are kept already, as many as a project holds: forget them (Run › Forget kept runs) to keep more.</source>
        <translation>已经保留了 {0} 次运行，达到一个项目的上限：要保留更多，请先忘掉它们（运行 › 忘掉已保留的运行）。</translation>
    </message>
    <message>
        <source>Kept run {0} at step {1:,} for comparison: {2}</source>
        <translation>已保留第 {1:,} 步的运行 {0} 用于比较：{2}</translation>
    </message>
    <message>
        <source>Forget kept runs</source>
        <translation>忘掉已保留的运行</translation>
    </message>
    <message>
        <source>Forget the kept runs? Their curves leave the Compare tab, and the project once it is saved; nothing brings them back.</source>
        <translation>要忘掉已保留的运行吗？它们的曲线会从“比较”标签页中消失，项目保存后也不再包含它们；之后无法找回。</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>忘掉</translation>
    </message>
    <message>
        <source>The kept runs are forgotten: the Compare tab shows the run in use alone.</source>
        <translation>已忘掉保留的运行：“比较”标签页只显示当前运行。</translation>
    </message>
    <message>
        <source>now: {0}</source>
        <translation>当前：{0}</translation>
    </message>
    <message>
        <source>this run</source>
        <translation>本次运行</translation>
    </message>
</context>
<context>
    <name>RunInUse</name>
    <message>
        <source>The network cannot be saved while it is invalid: {0}</source>
        <translation>网络无效时无法保存：{0}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>StepperPanel</name>
    <message>
        <source>Hover over a pixel to read its value. {0}</source>
        <translation>鼠标悬停在像素上可读取数值。{0}</translation>
    </message>
    <message>
        <source>Hover over a cell to read its value, turn the wheel to zoom in; click a cell of ∂L/∂W to take that weight apart.</source>
        <translation>鼠标悬停在格子上可读取数值，滚动滚轮可放大；点击 ∂L/∂W 的格子可拆开那个权重的梯度。</translation>
    </message>
    <message>
        <source>Hover over a cell to read its value, turn the wheel to zoom in; click a cell of W to pick the weight the backward pass takes apart.</source>
        <translation>鼠标悬停在格子上可读取数值，滚动滚轮可放大；点击 W 的格子可选定反向传播要拆开的那个权重。</translation>
    </message>
    <message>
        <source>{0}. Click a cell to follow another; turn the wheel to zoom in.</source>
        <translation>{0}。点击另一个格子可跟踪那个权重；滚动滚轮可放大。</translation>
    </message>
    <message>
        <source>Hover over a cell to read its value; turn the wheel to zoom in.</source>
        <translation>鼠标悬停在格子上可读取数值；滚动滚轮可放大。</translation>
    </message>
    <message>
        <source>In the backward phase of a Dense layer, this shows how the chain rule gives one weight&apos;s gradient, ∂L/∂W[i, j], with this step&apos;s numbers.</source>
        <translation>在全连接层的反向传播阶段，这里用这一步的数值展示链式法则如何得出一个权重的梯度 ∂L/∂W[i, j]。</translation>
    </message>
</context>
<context>
    <name>StepperWiring</name>
    <message>
        <source>The step the stepper held is not shown: it was traced on training example {0}, but the data have {1} training examples. Step through a step again to see one.</source>
        <translation>未显示单步演示保留的那一步：它是在训练样本 {0} 上记录的，而数据只有 {1} 个训练样本。请重新单步查看一步。</translation>
    </message>
    <message>
        <source>Stepping through step {0}: Apply update trains on it, Discard leaves the weights as they are</source>
        <translation>正在单步查看第 {0} 步：“应用更新”会用它训练，“丢弃”让权重保持不变</translation>
    </message>
    <message>
        <source>The step shown was dropped: the network or a setting changed since it was traced. Step through again to see the next step as it now is.</source>
        <translation>显示的这一步已作废：追踪之后网络或某项设置已改变。请再次单步查看当前状态下的下一步。</translation>
    </message>
    <message>
        <source>The step was applied: the network trained on it.</source>
        <translation>这一步已应用：网络已用它训练。</translation>
    </message>
    <message>
        <source>The step was discarded: the weights are as they were before it.</source>
        <translation>这一步已丢弃：权重保持它之前的样子。</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About Backprop Playground</source>
        <translation>关于 Backprop Playground(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New from preset</source>
        <translation>从预设新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>To &amp;PyTorch (model, weights and train.py)…</source>
        <translation>到 PyTorch（模型、权重和 train.py）(&amp;P)…</translation>
    </message>
    <message>
        <source>To &amp;ONNX…</source>
        <translation>到 ONNX(&amp;O)…</translation>
    </message>
    <message>
        <source>To a &amp;NumPy script…</source>
        <translation>到 NumPy 脚本(&amp;N)…</translation>
    </message>
    <message>
        <source>Metric &amp;history as CSV…</source>
        <translation>指标历史为 CSV(&amp;H)…</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The language you chose applies when Backprop Playground starts again.</source>
        <translation>所选语言将在下次启动 Backprop Playground 时生效。</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Start here: the lessons in order</source>
        <translation>从这里开始：按顺序学习课程(&amp;S)</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>Train or pause</source>
        <translation>训练或暂停</translation>
    </message>
    <message>
        <source>Right arrow</source>
        <translation>右方向键</translation>
    </message>
    <message>
        <source>Step one batch</source>
        <translation>训练一个批量</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>Reset the weights</source>
        <translation>重置权重</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Keep the run for comparison</source>
        <translation>保留本次运行用于比较</translation>
    </message>
    <message>
        <source>Alt+N / Alt+B</source>
        <translation>Alt+N / Alt+B</translation>
    </message>
    <message>
        <source>The next or the step before in a lesson</source>
        <translation>课程的下一步或上一步</translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Shift+Z</source>
        <translation>Ctrl+Z / Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>Undo / redo an edit of the network</source>
        <translation>撤销 / 重做对网络的编辑</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Remove the selected layer</source>
        <translation>删除所选的层</translation>
    </message>
    <message>
        <source>Alt+Up / Alt+Down</source>
        <translation>Alt+↑ / Alt+↓</translation>
    </message>
    <message>
        <source>Move the selected layer</source>
        <translation>移动所选的层</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Neural network lab</source>
        <translation>神经网络实验室</translation>
    </message>
    <message>
        <source>Build a neural network, train it live, and step through backpropagation</source>
        <translation>搭建神经网络，实时训练，并单步查看反向传播</translation>
    </message>
    <message>
        <source>&lt;b&gt;Backprop Playground {0}&lt;/b&gt; · {1}&lt;br&gt;{2}.&lt;br&gt;&lt;br&gt;Qt {3} · PySide6 {4} · NumPy {5} · pyqtgraph {6}&lt;br&gt;Backends: {7}</source>
        <translation>&lt;b&gt;Backprop Playground {0}&lt;/b&gt; · {1}&lt;br&gt;{2}。&lt;br&gt;&lt;br&gt;Qt {3} · PySide6 {4} · NumPy {5} · pyqtgraph {6}&lt;br&gt;计算后端：{7}</translation>
    </message>
    <message>
        <source>About Backprop Playground</source>
        <translation>关于 Backprop Playground</translation>
    </message>
</context>
</TS>
