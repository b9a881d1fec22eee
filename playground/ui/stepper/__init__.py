"""The stepper: one training step walked phase by phase with the numbers the training code computed.

- `phases`: what each phase shows, worked out from a StepTrace without Qt (formulas and matrices);
- `image_forward`, `image_backward`: the same for layers on images, one example's maps and one chosen cell
  written out (`image_common`: what the two directions share), without Qt;
- `chain_rule`: one weight's gradient taken apart in the trace's numbers, without Qt;
- `matrix_view`: the heatmaps, zoomed with the wheel, and the zoom the heatmaps of one shape share;
- `gradient_check`: the finite-difference check of the layer in focus, run off the GUI thread;
- `rich_text`: text that takes the height its lines need, and the font that keeps x̂'s hat on its x;
- `panel`: the Stepper tab that holds them and walks the phases;
- `room`: the window's columns making room for the stepper while it shows a step;
- `wiring`: the window's side (ask the session for a traced step, apply or discard it).
"""

from playground.ui.stepper.panel import StepperPanel
from playground.ui.stepper.room import StepperRoom
from playground.ui.stepper.wiring import StepperWiring

__all__ = ["StepperPanel", "StepperRoom", "StepperWiring"]
