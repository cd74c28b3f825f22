import pandas as pd, numpy as np, sys
out = sys.argv[2]
p = pd.read_parquet(sys.argv[1] + "/posts.parquet")
p = p[(p["created_at"] >= "2026-03-09") & (p["created_at"] < "2026-03-10") & (p["kind"] == "original")].head(120).copy()
df = pd.DataFrame({
    "Post ID": p["post_id"].astype(str),
    "Date": p["created_at"].dt.strftime("%d/%m/%Y %H:%M"),
    "Author": p["author_handle"],
    "Network": p["platform"],
    "Message": p["text"].str.replace("&", "&amp;", regex=False),
    "Likes": p["likes"].astype("Int64"),
    "Shares": p["shares"].astype("Int64"),
})
rng = np.random.default_rng(0)
df.loc[df.index[[5, 40, 77]], "Date"] = ""          # three rows without a date
df.loc[df.index[[12]], "Date"] = "31/02/2026 10:00"  # an impossible date
dups = df.iloc[[3, 30, 31, 90]]                      # four rows exported twice
df = pd.concat([df, dups]).sort_values("Post ID", kind="stable")
df.to_csv(out, sep=";", index=False, encoding="utf-8-sig")
print(len(df))
