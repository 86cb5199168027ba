#!/usr/bin/python3
"""scikit-learn SVC on a data set written by bench/svm.ts (run by it; needs Debian's python3-sklearn).
Usage: /usr/bin/python3 bench/sklearn/svc.py DIR  (DIR holds meta.json, x.f32, y.i32, xt.f32);
writes DIR/pred.i32 and prints one JSON line {"sklearnSeconds", "fitSeconds", "nSupport", "sklearn"}."""
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.svm import SVC

d = sys.argv[1]
meta = json.load(open(os.path.join(d, "meta.json")))
rows, cols, test_rows = meta["rows"], meta["cols"], meta["testRows"]
x = np.fromfile(os.path.join(d, "x.f32"), dtype=np.float32).reshape(rows, cols).astype(np.float64)
y = np.fromfile(os.path.join(d, "y.i32"), dtype=np.int32)
xt = np.fromfile(os.path.join(d, "xt.f32"), dtype=np.float32).reshape(test_rows, cols).astype(np.float64)
# Same settings as adan's run: C, gamma, tol, cache; shrinking stays at scikit-learn's default (True).
m = SVC(kernel="rbf", C=meta["C"], gamma=meta["gamma"], tol=meta["tol"], cache_size=meta["cacheMB"])
t0 = time.perf_counter()
m.fit(x, y)
t1 = time.perf_counter()
pred = m.predict(xt).astype(np.int32)
t2 = time.perf_counter()
pred.tofile(os.path.join(d, "pred.i32"))
print(json.dumps({"sklearnSeconds": t2 - t0, "fitSeconds": t1 - t0, "nSupport": int(m.n_support_.sum()), "sklearn": sklearn.__version__}))
