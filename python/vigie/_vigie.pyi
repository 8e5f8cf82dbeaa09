"""The native extractor (Rust). Use the classes of :mod:`vigie`; this module is private."""

from typing import List, Optional, Sequence, Tuple

from typing_extensions import final

__all__ = ["NativeExtractor", "__version__", "fold", "normalize"]
__version__: str

@final
class NativeExtractor:
    def __new__(cls, tables: Sequence[Tuple[str, str, str]] = ...) -> NativeExtractor: ...
    def extract(self, text: str, reference_date: Optional[str] = None) -> str: ...
    def extract_batch(
        self, texts: Sequence[str], reference_dates: Optional[Sequence[Optional[str]]] = None, threads: int = 1
    ) -> List[bytes]: ...

def normalize(text: str) -> str: ...
def fold(text: str) -> str: ...
