"""The pyqtgraph hook of pyinstaller-hooks-contrib, with only the data files the app uses: the icons of the plots'
buttons and menus, and of the colour maps only viridis (the network view's gradient colours) with its licence.
pyqtgraph's logo (peegee, 1 MiB: the window icon of pyqtgraph's mkQApp, which the app does not call), the other 70
maps (read only when one is asked for by name) and the type stubs stay out."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules
from PyInstaller.utils.hooks.qt import exclude_extraneous_qt_bindings

datas = collect_data_files("pyqtgraph", excludes=["**/examples/*", "icons/peegee/*"], includes=[
    "icons/*", "colors/maps/viridis.csv",
    "colors/maps/CC0 legal code - applies to virids, magma, plasma, inferno and cividis.txt"])
# The Qt Designer templates of pyqtgraph's menus and control panels, imported by the name of the Qt binding in use.
hiddenimports = [name for name in collect_submodules("pyqtgraph", filter=lambda name: name != "pyqtgraph.examples")
                 if "Template" in name]
# The other Qt bindings pyqtgraph could use stay out, as in the hook this one replaces.
excludedimports = exclude_extraneous_qt_bindings(hook_name="hook-pyqtgraph", qt_bindings_order=None)
