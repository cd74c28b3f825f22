"""Sentiment from a Hugging Face text-classification model saved in a local folder (nothing is fetched).

>>> label_mapping(["NEG", "NEU", "POS"]).tolist()
[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ._sentiment_base import _texts, frame_from_probs
from .embed import MissingBackend

__all__ = ["TransformersModel", "label_mapping"]


class TransformersModel:
    """A Hugging Face ``transformers`` text-classification model from a local folder.

    For teams that have a fine-tuned sentiment model (e.g. a Twitter XLM-R one) saved with
    ``save_pretrained``. Nothing is downloaded (``local_files_only``): a hub name works only if the
    model is already in the local Hugging Face cache. Labels are mapped to ours: names containing
    negative/neutral/positive (or neg/neu/pos), ``LABEL_0/1/2`` (in that order; ``LABEL_0/1`` =
    negative/positive), or 1-5 stars (1-2 negative, 3 neutral, 4-5 positive).
    """

    def __init__(
        self, path_or_name: str | Path, *, batch_size: int = 32, max_length: int = 256, device: str | int = "cpu"
    ):
        try:
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
        except ImportError as exc:
            raise MissingBackend("the 'transformers:' backend needs: pip install transformers torch") from exc
        self.path = str(path_or_name)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(self.path, local_files_only=True)
            self.model = AutoModelForSequenceClassification.from_pretrained(self.path, local_files_only=True)
        except (OSError, ValueError) as exc:
            raise MissingBackend(
                f"cannot load a text-classification model from {self.path!r} offline: give the path of a "
                f"folder saved with save_pretrained (config, weights and tokenizer); nothing is fetched "
                f"from a hub ({type(exc).__name__}: {exc})"
            ) from exc
        self.model.eval()
        self.batch_size = batch_size
        self.max_length = max_length
        self.device = device
        id2label = getattr(self.model.config, "id2label", None) or {}
        self.labels = [str(id2label.get(i, f"LABEL_{i}")) for i in range(self.model.config.num_labels)]
        self.mapping = label_mapping(self.labels)
        self.name = f"transformers:{Path(self.path).name}"

    def predict(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> pd.DataFrame:
        """Sentiment of each text: the model's label probabilities summed into negative / neutral / positive."""
        import torch

        texts = _texts(texts)
        self.model.to(self.device)
        out = np.zeros((len(texts), 3))
        limit = min(
            self.max_length,
            getattr(self.tokenizer, "model_max_length", None) or self.max_length,
            getattr(self.model.config, "max_position_embeddings", None) or self.max_length,
        )
        multi_label = getattr(self.model.config, "problem_type", None) == "multi_label_classification"
        with torch.no_grad():
            for start in range(0, len(texts), self.batch_size):
                batch = texts[start : start + self.batch_size]
                enc = self.tokenizer(batch, padding=True, truncation=True, max_length=limit, return_tensors="pt").to(
                    self.device
                )
                logits = self.model(**enc).logits.float()
                # what the text-classification pipeline applies: softmax, or sigmoid for multi-label heads
                probs = (torch.sigmoid(logits) if multi_label else torch.softmax(logits, dim=-1)).cpu().numpy()
                out[start : start + len(batch)] = probs @ self.mapping
        return frame_from_probs(out)


def label_mapping(labels: Sequence[str]) -> np.ndarray:
    """A (n_labels, 3) matrix that sums a model's label probabilities into negative/neutral/positive."""

    n = len(labels)
    M = np.zeros((n, 3))
    low = [str(l).strip().lower() for l in labels]
    for i, l in enumerate(low):
        stars = re.fullmatch(r"([1-5])\s*stars?", l)
        if stars:
            k = int(stars.group(1))
            M[i, 0 if k <= 2 else (1 if k == 3 else 2)] = 1
        elif l.startswith("neg"):
            M[i, 0] = 1
        elif l.startswith("neu"):
            M[i, 1] = 1
        elif l.startswith("pos"):
            M[i, 2] = 1
    if (M.sum(axis=1) == 1).all():
        return M
    if all(re.fullmatch(r"label_\d+", l) for l in low) and n in (2, 3):
        M = np.zeros((n, 3))
        for i in range(n):
            M[i, [0, 2][i] if n == 2 else i] = 1
        return M
    raise ValueError(
        f"cannot map the model's labels {list(labels)} to negative/neutral/positive "
        "(expected negative/neutral/positive, LABEL_0..2 or 1-5 stars)"
    )
