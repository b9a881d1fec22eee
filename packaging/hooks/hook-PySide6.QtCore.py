"""PyInstaller's QtCore hook with only the Qt translations the app uses: Qt's own (qtbase, its standard dialogs'
buttons) for each language the app has a catalogue of in resources/translations."""

from pathlib import Path, PurePath

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

CATALOGUES = Path(__file__).resolve().parents[2] / "resources" / "translations"
CATALOGUE = "backprop_playground_"  # then the language's code: backprop_playground_zh_CN.ts
KEPT_TRANSLATIONS = {f"qtbase_{ts.stem.removeprefix(CATALOGUE)}.qm" for ts in CATALOGUES.glob(f"{CATALOGUE}*.ts")}


def kept(source: str, destination: str) -> bool:
    return not destination.endswith("translations") or PurePath(source).name in KEPT_TRANSLATIONS


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
datas = [(source, destination) for source, destination in datas if kept(source, destination)]
