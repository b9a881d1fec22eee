"""The window's language: the choice kept in QSettings, the translators installed at start, and `tr` for the
words that no widget class owns.

Strings are marked as lupdate (pyside6-lupdate) finds them: `self.tr("...")` in a Qt class, whose context is
the class's name (PySide6 looks a string up under each class of the object's MRO, so subclasses find it too),
and this module's `tr("...")` everywhere else, which lupdate files under the empty context, as it files the
`tr("...")` of playground/words.py that code without Qt (the session, the stepper's phases) uses. Nothing else is
extracted: an alias (`tr = self.tr`) or another object's `tr` would be filed under a context that is never
looked up. The compiled translations (.qm) are a build output: `make` and packaging/build.py compile
resources/translations/*.ts beside themselves, and without them the window is in English.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from playground import words
from playground.resources import ENGLISH, LANGUAGES, resources_dir

SETTING = "language"
SYSTEM = "system"
CATALOGUE = "backprop_playground"
FREE_CONTEXT = ""  # where lupdate files a bare tr("...") call

# Qt's own catalogue (qtbase_<language>.qm) was made for an older Qt: the file dialog Qt draws itself (where the
# desktop offers none) spells two labels anew with their Alt keys and names a folder's type under a context of its
# own, and finds those words nowhere else. Marked here, lupdate files them under Qt's contexts in the app's catalogue,
# where Qt looks after qtbase's. (lupdate reads no NOOP marker with a disambiguation, but reads translate's.)
QT_WORDS_NOT_IN_QTBASE = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
                          QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
                          QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms"))


def tr(text: str) -> str:
    """`text` in the window's language, for words outside a Qt class's own `self.tr`."""
    return QCoreApplication.translate(FREE_CONTEXT, text)


words.use_translator(tr)  # the words of the code without Qt go through Qt's translators too
_window_language = ENGLISH  # what install_translators put in place


def window_language() -> str:
    """The code of LANGUAGES the window is in: the data it shows in words (lessons, presets' descriptions) follows."""
    return _window_language


def translations_dir() -> Path:
    return resources_dir() / "translations"


def chosen_language() -> str:
    """The language chosen in the Language menu: a code of LANGUAGES, or SYSTEM (the default)."""
    value = QSettings().value(SETTING, SYSTEM)
    return value if value in LANGUAGES else SYSTEM


def choose_language(language: str) -> None:
    """Keep `language` (SYSTEM or a code of LANGUAGES) for the next start."""
    QSettings().setValue(SETTING, language)


def resolved_language(language: str) -> str:
    """The code of LANGUAGES that `language` stands for: the system's locale for SYSTEM, English when the system's
    language is not offered."""
    if language != SYSTEM:
        return language
    name = QLocale.system().name()  # "zh_CN", "de_DE"
    if name in LANGUAGES:
        return name
    same_language = [code for code in LANGUAGES if code.split("_")[0] == name.split("_")[0]]
    return same_language[0] if same_language else ENGLISH


def install_translators(app: QCoreApplication, language: str, folder: Path | None = None) -> list[QTranslator]:
    """Translate the window into `language` (a code of LANGUAGES, or SYSTEM): the app's catalogue from `folder`
    (translations_dir() by default) and Qt's own for its standard dialogs, where Qt has one. English, or a catalogue
    that was not compiled (a source checkout before `make`), installs nothing: the window stays all in English.
    Returns the translators installed, which must live as long as the app."""
    global _window_language
    code = resolved_language(language)
    catalogue = QTranslator(app)
    if code == ENGLISH or not catalogue.load(f"{CATALOGUE}_{code}", str(folder or translations_dir())):
        _window_language = ENGLISH
        return []
    app.installTranslator(catalogue)
    _window_language = code
    qt_own = QTranslator(app)
    if not qt_own.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return [catalogue]
    app.installTranslator(qt_own)
    return [catalogue, qt_own]


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Take `translators` (install_translators') out again: the window is in English."""
    global _window_language
    for translator in translators:
        app.removeTranslator(translator)
    _window_language = ENGLISH


def shown_class_names(names: list[str]) -> list[str]:
    """How the window shows a data set's classes: CIFAR-10's and Fashion-MNIST's in the window's language, the
    others (digits, iris species, romanised kana) as they are. For display only: exports and saved files keep the
    data's own names."""
    translated = {"T-shirt/top": tr("T-shirt/top"), "Trouser": tr("Trouser"), "Pullover": tr("Pullover"),
                  "Dress": tr("Dress"), "Coat": tr("Coat"), "Sandal": tr("Sandal"), "Shirt": tr("Shirt"),
                  "Sneaker": tr("Sneaker"), "Bag": tr("Bag"), "Ankle boot": tr("Ankle boot"),
                  "airplane": tr("airplane"), "automobile": tr("automobile"), "bird": tr("bird"), "cat": tr("cat"),
                  "deer": tr("deer"), "dog": tr("dog"), "frog": tr("frog"), "horse": tr("horse"), "ship": tr("ship"),
                  "truck": tr("truck")}
    return [translated.get(name, name) for name in names]
