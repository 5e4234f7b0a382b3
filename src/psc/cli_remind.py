"""Commands registered on psc's app (cli_remind); see psc.cli."""
