"""Rule kinds, one module each; a YAML rule's `kind` picks the class."""

from lint.checks.capitalization import Capitalization
from lint.checks.consistency import Consistency
from lint.checks.dates import Dates
from lint.checks.existence import Existence
from lint.checks.metadata import Metadata
from lint.checks.misspelling import Misspelling
from lint.checks.names import Names
from lint.checks.occurrence import Occurrence
from lint.checks.readability import Readability
from lint.checks.realword import RealWord
from lint.checks.repetition import Repetition
from lint.checks.sourcing import Sourcing
from lint.checks.substitution import Substitution
from lint.checks.variant import Variant

KINDS = {
    "existence": Existence,
    "substitution": Substitution,
    "occurrence": Occurrence,
    "repetition": Repetition,
    "consistency": Consistency,
    "capitalization": Capitalization,
    "readability": Readability,
    "misspelling": Misspelling,
    "variant": Variant,
    "metadata": Metadata,
    "dates": Dates,
    "names": Names,
    "realword": RealWord,
    "sourcing": Sourcing,
}
