"""The frozen application's entry point: the `playground` command, window and subcommands alike."""

import sys

from playground.cli import main

if __name__ == "__main__":
    sys.exit(main())
