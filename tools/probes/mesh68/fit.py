"""Probe (issue 17): fit a map from MediaPipe face-mesh points to the 68 dlib points (per dlib point, a ridge-regularised
linear map of its K nearest mesh vertices after a similarity to a reference mesh), on training speakers clean + masked frames,
and score it on masked frames of val_unseen / test_unseen speakers. Run after probe.py."""
import numpy as np, pandas as pd, os
OUT = os.environ.get('PROBE_OUT', '/tmp/probe')
from maskremoval.landmarks import VISIBLE, similarity, transform_points, invert_transform
from maskremoval.metrics import interocular, nme
def load(csv, pre):
    d = pd.read_csv(csv); X, Y, meta = [], [], []
    for r in d.itertuples():
        f = f'{OUT}/{pre}_{r.corpus}_{r.speaker}_{r.frame}.npy'
        if not os.path.exists(f): continue
        X.append(np.load(f)); Y.append(np.load(f'{OUT}/gt_{r.corpus}_{r.speaker}_{r.frame}.npy')); meta.append(r.corpus)
    return np.array(X), np.array(Y), np.array(meta)
Xc, Yc, _ = load(f'{OUT}/train.csv', 'cmesh')   # fit on clean frames
Xm, Ym, _ = load(f'{OUT}/train.csv', 'mesh')
Xu, Yu, mu = load(f'{OUT}/val_unseen_test_unseen.csv', 'mesh')
ref = Xc[0][:468]
def norm(X):
    Ms = [similarity(x[:468], ref) for x in X]
    return np.array([transform_points(M, x[:468]) for M, x in zip(Ms, X)]), Ms
def fit(X, Y, K=12, lam=1.0):
    Xn, Ms = norm(X); Yn = np.array([transform_points(M, y) for M, y in zip(Ms, Y)])
    mean = Xn.mean(0); W = {}
    gm = Yn.mean(0)
    for i in VISIBLE:
        nb = np.argsort(np.linalg.norm(mean - gm[i], axis=1))[:K]
        A = np.c_[Xn[:, nb, 0], Xn[:, nb, 1], np.ones(len(Xn))]
        for d in (0, 1):
            W[i, d] = (nb, np.linalg.solve(A.T @ A + lam * np.eye(A.shape[1]), A.T @ Yn[:, i, d]))
    return W
def apply(W, X):
    Xn, Ms = norm(X); out = np.zeros((len(X), 68, 2))
    for (i, d), (nb, w) in W.items():
        out[:, i, d] = np.c_[Xn[:, nb, 0], Xn[:, nb, 1], np.ones(len(Xn))] @ w
    return np.array([transform_points(invert_transform(M), o) for M, o in zip(Ms, out)])
def err(P, Y): return np.array([nme(p[VISIBLE], y[VISIBLE], interocular(y)) for p, y in zip(P, Y)])
for K, lam in [(4, 1), (8, 1), (12, 1), (12, 10), (20, 10)]:
    W = fit(np.r_[Xc, Xm], np.r_[Yc, Ym], K, lam)
    e = err(apply(W, Xu), Yu)
    print(K, lam, 'train-masked', err(apply(W, Xm), Ym).mean().round(3), pd.Series(e).groupby(mu).mean().round(3).to_dict())
W = fit(np.r_[Xc, Xm], np.r_[Yc, Ym], 12, 1)
d = pd.read_csv(f'{OUT}/val_unseen_test_unseen.csv')
d = d[d.mesh.astype(bool)].reset_index(drop=True)
d['e_mesh'] = err(apply(W, Xu), Yu)
# clean mesh floor on unseen
Xcu, Ycu, mcu = load(f'{OUT}/val_unseen_test_unseen.csv', 'cmesh')
print('clean-mesh floor', pd.Series(err(apply(W, Xcu), Ycu)).groupby(mcu).mean().round(3).to_dict())
h = d[d.hog.astype(bool)]
print(h.groupby('corpus')[['e_hog', 'e_mesh']].mean().round(3))
print(h.groupby('corpus')[['e_hog', 'e_mesh']].median().round(3))
import pickle; pickle.dump(W, open(f'{OUT}/W.pkl', 'wb'))
