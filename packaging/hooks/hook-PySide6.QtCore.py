"""PyInstaller's QtCore hook without Qt's translations: the app's text is English and it loads no Qt translator."""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
datas = [(source, destination) for source, destination in datas if not destination.endswith("translations")]
