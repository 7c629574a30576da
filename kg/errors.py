"""Errors kg raises. Each message names the bad value and, where there is one, the fix.

KGError
├── InputError      an article file or folder that cannot be read
├── GraphFileError  a graph file that is missing or does not parse
├── QueryError      a SPARQL query that does not parse or would reach outside
├── OutputError     an export, shard or store that cannot be written (a full disk)
└── ConfigError     an unknown model, extractor or format name
"""


class KGError(Exception):
    """Base of every error kg raises on purpose; the CLI prints it as one line."""


class InputError(KGError):
    pass


class GraphFileError(KGError):
    pass


class QueryError(KGError):
    pass


class OutputError(KGError):
    pass


class ConfigError(KGError):
    pass
