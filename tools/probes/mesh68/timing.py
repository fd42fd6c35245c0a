"""Probe (issue 17): ms per frame of MediaPipe face mesh (static / video mode) and HOG + dlib, 720p demo clip and GRID 360x288."""
import glob, itertools, time
from maskremoval.io import iter_frames
from maskremoval.landmarks import detect_faces, predict_landmarks, largest_face
from mediapipe.python.solutions import face_mesh
for path in ['data/demo/obama_weekly_address.mp4', sorted(glob.glob('data/grid/s1/*'))[0]]:
    fr = list(itertools.islice(iter_frames(path, 25), 50)); print(path, fr[0].shape)
    for static in (True, False):
        fm = face_mesh.FaceMesh(static_image_mode=static, max_num_faces=1, refine_landmarks=False)
        fm.process(fr[0]); t = time.perf_counter()
        for f in fr: fm.process(f)
        print(' mesh static' if static else ' mesh video', round(1000 * (time.perf_counter() - t) / len(fr), 1), 'ms/frame')
    t = time.perf_counter()
    for f in fr[:20]: h = detect_faces(f); predict_landmarks(f, largest_face(h)[0]) if h else None
    print(' hog+dlib', round(1000 * (time.perf_counter() - t) / 20, 1), 'ms/frame')
