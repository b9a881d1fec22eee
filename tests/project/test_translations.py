"""The words of presets and lessons in other languages: every shipped translation covers every preset and lesson
and matches its English step by step, keeps its numbers, formulas and the window's names, and changes no claim;
a language without a translation falls back to English, and a damaged one says so."""

import dataclasses
import json
import re
import shutil
from xml.etree import ElementTree

import pytest

from playground.data import dataset_names, dataset_source
from playground.errors import PlaygroundError
from playground.project import list_presets, load_preset, presets, translations
from playground.project.lessons import LessonError, lesson_titles, list_lessons, load_lesson
from playground.resources import ENGLISH, LANGUAGES, resources_dir

TRANSLATED = sorted(set(LANGUAGES) - {ENGLISH})
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
YEAR = re.compile(r"\b\d{4}\b")
# The window's names a lesson uses: the English phrase, and the Qt context and word of that name in the window.
# A translation names each as the window's own catalogue has it, in quotes, less a formula after the words (the
# Compare tab's "Update ratio ‖ΔW‖ / ‖W‖"): the tab a learner is sent to, and the series to show there, are there.
WINDOW_NAMES = {
    "Press Train": ("ControlBar", "Train"),
    "pause": ("ControlBar", "Pause"),
    "Loss tab": ("OutputPanel", "Loss"),
    "Accuracy tab": ("OutputPanel", "Accuracy"),
    "Gradients tab": ("OutputPanel", "Gradients"),
    "Inspector tab": ("OutputPanel", "Inspector"),
    "Compare tab": ("OutputPanel", "Compare"),
    "log scale": ("LossPlot", "log scale"),
    "show the test loss": ("ComparePlot", "Test loss"),
    "gradient norm of layer": ("ComparePlot", "Gradient norm ‖∂L/∂W‖"),
    "update ratio": ("ComparePlot", "Update ratio ‖ΔW‖ / ‖W‖"),
}
SCRIPT = {"zh_CN": re.compile(r"[\u4e00-\u9fff]")}  # the language's own writing: a text that has none is untranslated


def texts_of(lesson) -> list[tuple[str, str]]:
    """A lesson's words as (where, text), in the order of its file."""
    found = [("title", lesson.title)]
    for index, step in enumerate(lesson.steps):
        found += [(f"step {index + 1} {key}", getattr(step, key)) for key in ("do", "notice", "why")]
        if step.change is not None:
            found.append((f"step {index + 1} label", step.change.label))
    return found


def preset_texts(name: str, language: str) -> list[tuple[str, str]]:
    preset = load_preset(name, language)
    return [("title", preset.title), ("description", preset.description)]


def pairs(language: str) -> list[tuple[str, str, str]]:
    """Every English text with its translation, as (where, English, translation)."""
    found = []
    for name in list_lessons():
        for (where, english), (_, words) in zip(texts_of(load_lesson(name)), texts_of(load_lesson(name, language))):
            found.append((f"lesson {name} {where}", english, words))
    for name in list_presets():
        for (where, english), (_, words) in zip(preset_texts(name, ENGLISH), preset_texts(name, language)):
            found.append((f"preset {name} {where}", english, words))
    return found


def test_the_languages_are_english_and_those_with_translations():
    assert LANGUAGES == {"en": "English", "zh_CN": "中文"}
    folders = {path.name for path in (resources_dir() / "translations").iterdir() if path.is_dir()}
    assert folders == set(TRANSLATED)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_preset_and_lesson_is_translated_and_matches_its_english(language):
    folder = resources_dir() / "translations" / language
    presets = json.loads((folder / "presets.json").read_text(encoding="utf-8"))
    assert sorted(presets) == list_presets()
    assert sorted(path.stem for path in (folder / "lessons").glob("*.json")) == list_lessons()
    titles = lesson_titles(language)
    for name in list_lessons():
        english, translated = load_lesson(name), load_lesson(name, language)  # raises where a file does not match
        assert titles[name] == translated.title
        # The same lesson with other words: the preset, seed, checks, tabs and changes are the English file's.
        assert dataclasses.replace(translated, title=english.title, steps=tuple(
            dataclasses.replace(step, do=mine.do, notice=mine.notice, why=mine.why, change=mine.change)
            for step, mine in zip(translated.steps, english.steps))) == english
    # A name in capitals (MNIST MLP) is the same in every language; any other text needs the language's own writing.
    untranslated = [where for where, english, words in pairs(language)
                    if not SCRIPT[language].search(words) and english != english.upper()]
    assert untranslated == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_dataset_says_where_it_comes_from_in_the_language(language):
    sources = json.loads((resources_dir() / "translations" / language / "datasets.json").read_text(encoding="utf-8"))
    assert sorted(sources) == sorted(dataset_names())
    for name in dataset_names():
        words = translations.dataset_source_in(name, language)
        assert SCRIPT[language].search(words), name
        assert set(YEAR.findall(dataset_source(name))) <= set(YEAR.findall(words)), name  # the citation's years
    assert translations.dataset_source_in("iris", ENGLISH) == dataset_source("iris")


def test_a_damaged_datasets_translation_says_so_and_a_missing_one_falls_back(translations_at):
    edit(translations_at / "datasets.json", lambda d: d.update(imagenet="图像网络。"))
    with pytest.raises(PlaygroundError, match=r"The zh_CN translation of where the datasets come from .* damaged "
                                              r"\(it names datasets that do not exist: imagenet"):
        translations.dataset_source_in("iris", "zh_CN")
    (translations_at / "datasets.json").unlink()
    assert translations.dataset_source_in("iris", "zh_CN") == dataset_source("iris")


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_the_numbers_and_the_formulas(language):
    """Every number written in figures, and every symbol outside ASCII (σ′, ∂, ‖, ≈, ⁻⁶), is in the translation."""
    lost = []
    for where, english, words in pairs(language):
        numbers = set(NUMBER.findall(english)) - set(NUMBER.findall(words))
        symbols = {char for char in english if ord(char) > 127} - set(words)
        if numbers or symbols:
            lost.append((where, sorted(numbers), sorted(symbols)))
    assert lost == []


def window_words(language: str) -> dict[tuple[str, str], str]:
    """(Qt context, English) → the window's words in `language`, as its .ts catalogue has them."""
    catalogue = ElementTree.parse(resources_dir() / "translations" / f"backprop_playground_{language}.ts")
    return {(context.findtext("name"), message.findtext("source")): message.findtext("translation")
            for context in catalogue.iter("context") for message in context.iter("message")}


@pytest.mark.parametrize("language", TRANSLATED)
def test_lessons_name_the_window_as_its_translation_does(language):
    window = window_words(language)
    names = {phrase: f"“{window[where].split(' ‖')[0]}”" for phrase, where in WINDOW_NAMES.items()}
    wrong = [(name, where, names[phrase]) for name in list_lessons()
             for (where, english), (_, words) in zip(texts_of(load_lesson(name)), texts_of(load_lesson(name, language)))
             for phrase in names if phrase in english and names[phrase] not in words]
    assert wrong == []


def test_a_lesson_in_chinese_has_chinese_words_and_the_same_checks():
    english, chinese = load_lesson("deep-sigmoid"), load_lesson("deep-sigmoid", "zh_CN")
    assert chinese.title == "梯度消失" and english.title == "Vanishing gradients"
    assert chinese.steps[0].do.startswith("点击“训练”") and "“梯度”选项卡" in chinese.steps[0].do
    assert chinese.steps[2].change.label == "换成 ReLU 与 He 初始化"
    assert [step.check for step in chinese.steps] == [step.check for step in english.steps]
    assert chinese.steps[2].change.layers == english.steps[2].change.layers
    assert load_preset("deep-sigmoid", "zh_CN").title == "深层 sigmoid"
    assert load_preset("deep-sigmoid").title == "Deep sigmoid"
    assert lesson_titles()["deep-sigmoid"] == "Vanishing gradients"


def test_a_language_the_app_does_not_have_is_refused():
    for read in (lambda: load_lesson("overfit", "fr"), lambda: lesson_titles("fr"), lambda: load_preset("xor", "fr")):
        with pytest.raises(PlaygroundError, match="There is no language 'fr': choose one of en, zh_CN"):
            read()


@pytest.fixture
def translations_at(tmp_path, monkeypatch):
    """The Chinese translation copied to a folder a test may damage; returns that folder."""
    monkeypatch.setattr(translations, "translations_dir", lambda language: tmp_path / language)
    shutil.copytree(resources_dir() / "translations" / "zh_CN", tmp_path / "zh_CN")
    return tmp_path / "zh_CN"


def test_a_language_without_a_translation_falls_back_to_english(translations_at):
    (translations_at / "lessons" / "overfit.json").unlink()
    (translations_at / "presets.json").write_text(json.dumps({"xor": {"title": "异或", "description": "四个象限。"}}),
                                                  encoding="utf-8")
    assert load_lesson("overfit", "zh_CN") == load_lesson("overfit")
    assert lesson_titles("zh_CN")["overfit"] == "Overfitting, L2 and dropout"
    assert load_lesson("residual", "zh_CN").title == "残差连接"
    assert load_preset("xor", "zh_CN").title == "异或" and load_preset("iris", "zh_CN").title == "Iris"
    shutil.rmtree(translations_at)
    assert load_preset("xor", "zh_CN").title == "XOR" and lesson_titles("zh_CN") == lesson_titles()


def edit(path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("damage, message", [
    (lambda d: d["steps"].pop(), "it must have 4 steps, as the lesson has"),
    (lambda d: d["steps"][1].pop("why"), r"step 2 lacks \['why'\]"),
    (lambda d: d["steps"][2].pop("label"), r"step 3 lacks \['label'\]"),
    (lambda d: d["steps"][0].update(label="按钮"), r"step 1 lacks \[\] or has unknown \['label'\]"),
    (lambda d: d["steps"][0].update(check={"check": "diverges", "after_epochs": 1}), r"unknown \['check'\]"),
    (lambda d: d["steps"][3].update(notice=" "), "step 4: notice must be a sentence"),
    (lambda d: d.pop("title"), "a title and steps"),
])
def test_a_damaged_lesson_translation_says_what_is_wrong(translations_at, damage, message):
    edit(translations_at / "lessons" / "deep-sigmoid.json", damage)
    with pytest.raises(LessonError, match=r"The zh_CN translation of the lesson 'deep-sigmoid' \(.*\) is damaged "
                                          rf"\(.*{message}.*reinstall the app"):
        load_lesson("deep-sigmoid", "zh_CN")
    assert load_lesson("deep-sigmoid").title == "Vanishing gradients"  # English is untouched


def test_a_lesson_translation_that_is_not_json_says_so(translations_at):
    (translations_at / "lessons" / "residual.json").write_text("{\"title\": ", encoding="utf-8")
    with pytest.raises(PlaygroundError, match="The translation file .*residual.json cannot be read .*reinstall"):
        load_lesson("residual", "zh_CN")
    assert lesson_titles("zh_CN")["residual"] == "Residual connections"  # opening it says what is wrong


@pytest.mark.parametrize("damage, message", [
    (lambda d: d.update({"deep-purple": {"title": "深紫", "description": "没有这个预设。"}}),
     "names presets that do not exist: deep-purple"),
    (lambda d: d["circle"].pop("description"), r"the preset 'circle' lacks \['description'\]"),
    (lambda d: d["circle"].update(title=3), "the preset 'circle': title must be a sentence"),
    (lambda d: d.update(circle="圆"), "the preset 'circle' must be an object"),
])
def test_a_damaged_preset_translation_says_what_is_wrong(translations_at, damage, message):
    edit(translations_at / "presets.json", damage)
    with pytest.raises(PlaygroundError, match=rf"The zh_CN translation of the presets \(.*\) is damaged \(.*{message}"):
        load_preset("xor", "zh_CN")
    assert load_preset("xor").title == "XOR"



@pytest.mark.parametrize("language", TRANSLATED)
def test_a_preset_s_words_a_project_saved_in_one_language_are_given_in_another(language):
    english, translated = load_preset("circle"), load_preset("circle", language)
    assert presets.preset_words_in(english.description, language) == translated.description
    assert presets.preset_words_in(translated.title, ENGLISH) == english.title
    assert presets.preset_words_in("My own circles", language) == "My own circles"  # no preset's: as it is
