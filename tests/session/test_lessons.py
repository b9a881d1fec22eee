"""Every lesson tells the truth: each step's claim, played headless on its preset at its seed, holds; and a
claim that does not hold is caught."""

import copy
import dataclasses
import json
import re

import numpy
import pytest

from playground.data import load_dataset
from playground.project import list_presets, load_preset
from playground.project.lessons import (
    STEPS,
    Change,
    LessonError,
    changed_network,
    epochs_to_train,
    lesson_from_dict,
    lesson_titles,
    lessons_dir,
    list_lessons,
    load_lesson,
    setups_of,
    with_change,
)
from playground.session.config import TrainingConfig
from playground.session.lesson_checks import evaluate, play_lesson, train_outcome
from playground.session.loop import Session
from tests.session.helpers import preset_session

TEACHING_PRESETS = ["batchnorm", "deep-relu-he", "deep-sigmoid", "digits-mlp", "exploding", "linear-regression",
                    "mnist-mlp", "overfit", "residual"]


def test_every_teaching_preset_has_a_lesson_of_three_to_six_steps():
    assert list_lessons() == TEACHING_PRESETS
    assert set(TEACHING_PRESETS) <= set(list_presets())
    for name in list_lessons():
        lesson = load_lesson(name)
        assert lesson.preset == name and STEPS[0] <= len(lesson.steps) <= STEPS[1]
        assert lesson_titles()[name] == lesson.title
        assert any(step.change is not None for step in lesson.steps), f"{name}: no step asks for a change"


def test_a_step_that_says_to_train_so_many_epochs_has_the_window_stop_there():
    """The window stops training where a step's epochs_to_train says (the claim's epochs): every step whose text
    says "N epochs" must train N, and every step that trains must say how long, or that it trains "again" (until
    it diverges, which its claim says comes sooner), and none asks for "about" so many epochs or for a pause that
    the window makes itself."""
    wrong = []
    for name in list_lessons():
        lesson = load_lesson(name)
        for index, step in enumerate(lesson.steps):
            said, trains = re.search(r"(\d+) epochs", step.do), epochs_to_train(lesson, index)
            if (said is not None and trains != int(said.group(1))) or (
                    trains is not None and said is None and not (step.check.kind == "diverges" and "again" in step.do)
            ) or (trains is not None and re.search(r"about \d+ epochs|\bpause\b", step.do, re.IGNORECASE)):
                wrong.append((name, index + 1, step.do, trains))
    assert wrong == []
    assert [epochs_to_train(load_lesson("linear-regression"), index) for index in range(3)] == [20, 5, 3]
    assert [epochs_to_train(load_lesson("batchnorm"), index) for index in range(4)] == [20, None, 20, None]


def test_a_step_that_claims_a_ratio_of_two_layers_opens_the_gradients_tab_where_both_are_drawn():
    """The Gradients tab draws every layer of the run in use; the Compare tab draws one layer of each run, so a
    claim of layer 1 against layer 11 cannot be read there."""
    wrong = [(name, index + 1, step.tab) for name in list_lessons()
             for index, step in enumerate(load_lesson(name).steps)
             if step.check.kind == "grad_norm_ratio" and step.tab != "gradients"]
    assert wrong == []


def checked_on(name: str):
    """The lesson as the test plays it. MNIST cannot be downloaded here, and on random images of its shape no
    claim about learning means anything: mnist-mlp's claims are checked on digits-mlp, the same network
    (784-200-10 becomes 64-200-10) with the same optimizer and batch on the bundled 8x8 digits."""
    lesson = load_lesson(name)
    return dataclasses.replace(lesson, preset="digits-mlp") if name == "mnist-mlp" else lesson


@pytest.mark.parametrize("name", TEACHING_PRESETS)
def test_what_each_lesson_says_to_notice_is_true(name):
    results = play_lesson(checked_on(name))
    assert len(results) == len(load_lesson(name).steps)
    assert [result.observed for result in results if not result.holds] == []


def test_a_claim_that_is_not_true_fails():
    lesson = load_lesson("deep-relu-he")
    first = lesson.steps[0]
    # deep-relu-he's gradient does not vanish: claiming it does must fail.
    false = dataclasses.replace(first.check, settings={**first.check.settings, "below": 1e-3, "above": 0.0})
    result = play_lesson(dataclasses.replace(lesson, steps=(dataclasses.replace(first, check=false),
                                                            *lesson.steps[1:])))[0]
    assert not result.holds and "layer 1 / layer 11" in result.observed


def test_a_training_that_diverges_proves_no_metric():
    preset = with_change(load_preset("exploding"), Change("off", optimizer={"clip_norm": None}))
    outcome = train_outcome(preset, load_dataset(preset.dataset), epochs=1, seed=0)
    step = load_lesson("exploding").steps[0]
    assert outcome.diverged and evaluate(step.check, outcome) == (False, "training diverged")


def lesson_data(name: str) -> dict:
    return json.loads((lessons_dir() / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("damage, message", [
    (lambda d: d.update(steps=d["steps"][:2]), "3 to 6 steps"),
    (lambda d: d["steps"][0].pop("why"), "lacks \\['why'\\]"),
    (lambda d: d["steps"][0]["check"].update(check="feels_right"), "its check must be one of"),
    (lambda d: d["steps"][0]["check"].pop("below"), "needs a bound"),
    (lambda d: d["steps"][0]["check"].update(layers=[1, 12]), "names layer 12, which has no weights"),
    (lambda d: d["steps"][2]["change"]["layers"][0]["set"].update(activation="magic"), "cannot be built .*'magic'"),
    (lambda d: d["steps"][3]["check"].update(now="sideways"), "lower or higher"),
    (lambda d: d.update(preset="deep-purple"), "does not exist"),
])
def test_a_damaged_lesson_says_what_is_wrong(damage, message):
    data = lesson_data("deep-sigmoid")
    damage(data)
    with pytest.raises(LessonError, match=message):
        lesson_from_dict("deep-sigmoid", data)


def test_versus_before_needs_a_change_before_it():
    data = lesson_data("deep-sigmoid")
    data["steps"][0]["check"] = copy.deepcopy(data["steps"][3]["check"])
    with pytest.raises(LessonError, match="no change came before"):
        lesson_from_dict("deep-sigmoid", data)


def test_changes_are_made_on_plain_layers():
    residual = load_preset("residual").network.to_dict()
    layers, loss = changed_network(residual["layers"], residual["loss"], Change(
        "relu", layers=({"match": {"activation": "sigmoid"}, "set": {"activation": "relu"}},)))
    assert layers[1]["layers"][0]["activation"] == "relu" and layers[0]["activation"] == "relu"
    assert residual["layers"][1]["layers"][0]["activation"] == "sigmoid"  # a copy: the input is unchanged
    layers, _ = changed_network(residual["layers"], loss, Change(
        "dropout", insert_after={"match": {"type": "residual"}, "layer": {"type": "dropout", "rate": 0.2}}))
    assert [layer["type"] for layer in layers[:4]] == ["dense", "residual", "dropout", "residual"]
    assert len(layers) == len(residual["layers"]) + 9
    layers, loss = changed_network(residual["layers"], "mse", Change("plain", network_of="deep-sigmoid"))
    assert layers == load_preset("deep-sigmoid").network.to_dict()["layers"] and loss == "binary_cross_entropy"


def test_the_exploding_lesson_s_loss_starts_as_large_as_its_first_step_says():
    """The loss the first snapshot shows, before any step, at the lesson's seed: in the hundreds of thousands
    (weights four times too large, squared by the loss), which the step's words must say."""
    lesson = load_lesson("exploding")
    first = next(preset_session("exploding", seed=lesson.seed, epochs=1).run())
    assert first.step == 0 and 1e5 <= first.test_loss < 1e6
    assert "starts in the hundreds of thousands" in lesson.steps[0].notice


def test_the_exploding_lesson_says_where_the_gradients_it_sends_the_learner_to_are_largest():
    """Step 3 opens the Gradients tab on weights four times too large: before any step, every layer's ‖∂L/∂W‖ is
    huge, smallest at layer 1 (about 10⁵) and largest at the output (about 10⁶), since each is an activation that
    shrinks toward the input times a δ that grows toward it; its why must not say the gradient grows toward the
    input, which the tab shows the other way round."""
    lesson = load_lesson("exploding")
    setup = setups_of(lesson)[2][0]
    config = TrainingConfig(optimizer=setup.optimizer, batch_size=setup.batch_size, epochs=1, seed=lesson.seed)
    session = Session(setup.network, load_dataset(setup.dataset), config)
    net, data, pick = session.network, session.dataset, session.measurements.train_sample.pick
    net.forward_backward(net.make_batch(data.x_train[pick], data.y_train[pick]), True)
    norms = net.parameter_norms(net.grad)
    assert 5e4 < norms["1.W"] < 2e5 and 5e5 < norms["5.W"] < 2e6 and norms["1.W"] < norms["3.W"] < norms["5.W"]
    assert "from about 10⁵ at layer 1 to 10⁶ at the output" in lesson.steps[2].why


def test_the_adam_step_s_why_gives_layer_1_s_weights_the_size_they_have():
    """After the three epochs of Adam the step's claim is about, layer 1's weights are still He's size, √(2/64)."""
    lesson = load_lesson("digits-mlp")
    setup = setups_of(lesson)[3][0]
    config = TrainingConfig(optimizer=setup.optimizer, batch_size=setup.batch_size, epochs=3, seed=lesson.seed)
    session = Session(setup.network, load_dataset(setup.dataset), config)
    for _ in session.run():
        pass
    assert 0.16 < float(numpy.sqrt(numpy.mean(session.network.get("1.W") ** 2))) < 0.2
    assert "√(2/64) ≈ 0.18" in lesson.steps[3].why


def test_a_count_of_parameters_a_lesson_gives_is_its_network_s_and_names_the_biases_too():
    """The window says "N parameters in all", biases included: a lesson that counts them says parameters, not
    weights, and gives the network's own count."""
    counts = []
    for name in list_lessons():
        lesson = load_lesson(name)
        for step, (setup, _) in zip(lesson.steps, setups_of(lesson)):
            for text in (step.do, step.notice, step.why):
                for number, word in re.findall(r"(\d[\d,]*) (parameters|weights)\b", text):
                    counts.append((name, int(number.replace(",", "")), word))
                    assert (int(number.replace(",", "")), word) == (setup.network.parameter_count(), "parameters")
    assert ("mnist-mlp", 159_010, "parameters") in counts and ("overfit", 4_417, "parameters") in counts
