"""The stepper: one training step walked phase by phase with the numbers the training code computed.

- `phases`: what each phase shows, worked out from a StepTrace without Qt (formulas and matrices);
- `chain_rule`: one weight's gradient taken apart in the trace's numbers, without Qt;
- `views`: the widgets that draw a phase (heatmaps, the gradient check, the formula area);
- `panel`: the Stepper tab that holds them and walks the phases;
- `wiring`: the window's side (ask the session for a traced step, apply or discard it).
"""

from playground.ui.stepper.panel import StepperPanel
from playground.ui.stepper.wiring import StepperWiring

__all__ = ["StepperPanel", "StepperWiring"]
