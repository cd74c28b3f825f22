"""Issue 14, point 2: posts without text (a page-insights export) skip the topic step with a sentence."""

from __future__ import annotations

import numpy as np
import pandas as pd

from kit.tl import cartography


def test_topics_without_texts_say_so():
    own = pd.DataFrame({"post_id": [str(i) for i in range(60)], "actor": ["a", "b"] * 30, "text": [""] * 60})
    out = cartography.topics_by_actor(own, np.zeros((60, 8), dtype=np.float32), seed=0)
    assert (
        out.empty and out.attrs["note"] == "0 of 60 own posts have a text: no topics (the export gives no post texts)."
    )
