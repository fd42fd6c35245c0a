"""Probe (issue 17): masked-face detection and visible-point error on masked frames: HOG + dlib, MediaPipe detection + dlib,
MediaPipe face mesh. 1 clip per speaker of the given splits, every 5th of the first N frames.
Run: OMP_WAIT_POLICY=PASSIVE .venv/bin/python tools/probes/mesh68/probe.py val_unseen,test_unseen 60   (and: train 30)
Writes per-frame rows and the mesh / clean-mesh / clean dlib points to $PROBE_OUT (default /tmp/probe). Not library code:
the findings are to be ported into nbs/02_landmarks and nbs/03_masks."""
import os, sys, numpy as np, pandas as pd
OUT = os.environ.get('PROBE_OUT', '/tmp/probe')
from maskremoval.features import corpus_clips
from maskremoval.masks import mask_pool, clip_projection, masked_frames, ProjectSettings
from maskremoval.landmarks import clip_landmarks, detect_faces, predict_landmarks, largest_face, VISIBLE
from maskremoval.metrics import interocular, nme
from mediapipe.python.solutions import face_detection, face_mesh
fd = face_detection.FaceDetection(model_selection=1, min_detection_confidence=0.3)
fm = face_mesh.FaceMesh(static_image_mode=True, max_num_faces=1, refine_landmarks=False, min_detection_confidence=0.3)
def mp_det(img):
    h, w = img.shape[:2]
    r = fd.process(img)
    if not r.detections: return None
    d = max(r.detections, key=lambda d: d.score[0])
    k = np.array([[p.x * w, p.y * h] for p in d.location_data.relative_keypoints])
    re, le = k[0], k[1]; c = (re + le) / 2; iod = np.linalg.norm(le - re)
    cx, cy = c + np.array([0.008, 0.522]) * iod; s = 2.455 * iod / 2
    return np.array([cx - s, cy - s, cx + s, cy + s], np.float32), k
def mesh(img):
    h, w = img.shape[:2]
    r = fm.process(img)
    if not r.multi_face_landmarks: return None
    return np.array([[p.x * w, p.y * h] for p in r.multi_face_landmarks[0].landmark], np.float32)
role = sys.argv[1]; n = int(sys.argv[2])
df = corpus_clips('all', splits=tuple(role.split(',')))
df = df.groupby(['corpus', 'speaker']).head(1)
pool = mask_pool(ProjectSettings())
rows = []
for r in df.itertuples():
    try:
        clean = clip_landmarks(r.path)
        proj = clip_projection(r.path, pool)
    except Exception as e: print('skip', r.path, e); continue
    for k, (m, g, c) in enumerate(masked_frames(r.path, proj, pool)):
        if k >= n: break
        if k % 5 or not clean.valid[k]: continue
        gt = clean.points[k]; iod = interocular(gt)
        out = dict(corpus=r.corpus, speaker=r.speaker, split=r.split, frame=k, w=m.shape[1])
        hog = detect_faces(m); out['hog'] = bool(hog)
        if hog: out['e_hog'] = nme(predict_landmarks(m, largest_face(hog)[0])[VISIBLE], gt[VISIBLE], iod)
        md = mp_det(m); out['mpd'] = md is not None
        if md is not None: out['e_mpd'] = nme(predict_landmarks(m, md[0])[VISIBLE], gt[VISIBLE], iod)
        me = mesh(m); out['mesh'] = me is not None
        if me is not None: np.save(f'{OUT}/mesh_{r.corpus}_{r.speaker}_{k}.npy', me)
        cm = mesh(c)
        if cm is not None: np.save(f'{OUT}/cmesh_{r.corpus}_{r.speaker}_{k}.npy', cm)
        np.save(f'{OUT}/gt_{r.corpus}_{r.speaker}_{k}.npy', gt)
        rows.append(out)
    print(r.corpus, r.speaker, flush=True)
pd.DataFrame(rows).to_csv(f'{OUT}/{role.replace(",","_")}.csv', index=False)
