"""PyInstaller's pygments hook without its lexers, formatters and styles (1.6 MiB): pygments comes in only because
superqt.utils imports it for a code highlighter the app does not use, and pygments loads those modules by name when
it highlights. Its own modules, which that import needs, are found as usual."""

hiddenimports = []
