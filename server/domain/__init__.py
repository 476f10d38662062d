"""Pure rules and types: states, errors, parameters, times, the clock. Imports no I/O."""
