"""Commands registered on psc's app (cli_ics); see psc.cli."""
