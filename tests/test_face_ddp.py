"""Multi-process checks of the face model's training: SIGTERM checkpointing and 2-process DistributedDataParallel (gloo, CPU)."""
import os, shutil, signal, subprocess, sys, time
from dataclasses import replace
from pathlib import Path
import pytest

os.environ.setdefault('OMP_WAIT_POLICY', 'PASSIVE')   # before torch: spinning OpenMP threads crawl on a shared CPU
import torch
from maskremoval.data import data_root
from maskremoval.face import FaceConfig, FaceDataset, Generator, train_face

CLIPS = [str(data_root()/f'grid/s1/{c}.mp4') for c in ('bbaf2n', 'lrae3s', 'pgbk6n')]
ENV = {**os.environ, 'OMP_WAIT_POLICY': 'PASSIVE', 'PYTHONUNBUFFERED': '1'}
pytestmark = pytest.mark.skipif(not all(Path(p).exists() for p in CLIPS), reason='GRID s1 clips not in the data folder')

def weights(path):
    sd = torch.load(path, map_location='cpu', weights_only=True)['generator']
    return torch.cat([v.float().flatten() for v in sd.values()])

def test_sigterm_writes_a_checkpoint_that_resumes_exactly(tmp_path):
    cfg = FaceConfig.profile('tiny', steps=500, ckpt_every=1000, log_every=1)
    FaceDataset(CLIPS, cfg)                                           # crop cache ready before the clock starts
    cmd = [sys.executable, '-m', 'maskremoval.face_train', '--profile', 'tiny', '--steps', '500', '--set', 'ckpt_every=1000,log_every=1',
           '--clips', ','.join(CLIPS), '--out', str(tmp_path/'run'), '--quiet']
    p = subprocess.Popen(cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log, t0 = tmp_path/'run/losses.csv', time.time()
    while not (log.exists() and len(log.read_text().splitlines()) >= 3):   # header + 2 steps
        assert p.poll() is None, p.stdout.read()
        assert time.time() - t0 < 60, 'no training steps within 60 s'
        time.sleep(0.2)
    p.send_signal(signal.SIGTERM)
    out, _ = p.communicate(timeout=60)
    assert p.returncode == 0, out
    st = torch.load(tmp_path/'run/last.pt', weights_only=True)
    k = st['step']
    assert 2 <= k < 500 and not (tmp_path/'run/generator.pt').exists()
    assert len(log.read_text().splitlines()) == k + 1                # every step up to the checkpoint is logged
    # the checkpoint holds exactly the state of a run stopped after step k
    ref = train_face(cfg, tmp_path/'ref', CLIPS, stop_at=k, progress=False)
    assert torch.equal(weights(tmp_path/'run/last.pt'), weights(ref))
    # and the interrupted run resumes from it
    train_face(replace(cfg, steps=k + 1), tmp_path/'run', CLIPS, progress=False)
    train_face(replace(cfg, steps=k + 1), tmp_path/'ref', CLIPS, progress=False)
    assert torch.equal(weights(tmp_path/'run/last.pt'), weights(tmp_path/'ref/last.pt'))

def test_two_process_ddp_matches_one_process_with_the_same_global_batch(tmp_path):
    steps = 3
    cfg = FaceConfig.profile('tiny', steps=steps)                     # global batch 4: 2 items per process
    FaceDataset(CLIPS, cfg)
    t = time.time()
    cmd = [sys.executable, '-m', 'torch.distributed.run', '--standalone', '--nproc_per_node', '2', '-m', 'maskremoval.face_train',
           '--profile', 'tiny', '--steps', str(steps), '--clips', ','.join(CLIPS), '--out', str(tmp_path/'ddp'), '--quiet']
    r = subprocess.run(cmd, env=ENV, capture_output=True, text=True, timeout=120)
    if r.returncode:
        # Known flake (seen once in 4 runs, on a heavily loaded machine): a rank aborts with 'terminate called without an
        # active exception' while shutting down after training. Retry once from scratch, and say so; two failures fail.
        print('first torchrun attempt failed, retrying once:', r.stderr[-1500:])
        shutil.rmtree(tmp_path/'ddp', ignore_errors=True)
        r = subprocess.run(cmd, env=ENV, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    ddp_seconds = time.time() - t
    assert (tmp_path/'ddp/generator.pt').exists() and len((tmp_path/'ddp/losses.csv').read_text().splitlines()) == steps + 1
    one = train_face(cfg, tmp_path/'one', CLIPS, progress=False)       # one process, the same global batches
    half = train_face(replace(cfg, batch_size=2), tmp_path/'half', CLIPS, progress=False)  # what one process alone would see
    torch.manual_seed(cfg.seed)
    w0 = torch.cat([v.flatten() for v in Generator.from_config(cfg).state_dict().values()])   # the common initial weights
    w_ddp, w_one, w_half = [weights(tmp_path/r/'last.pt') for r in ('ddp', 'one', 'half')]
    moved, d_ddp, d_half = [(a - b).norm().item() for a, b in ((w_one, w0), (w_ddp, w_one), (w_half, w_one))]
    print(f'2-process DDP run of {steps} steps: {ddp_seconds:.1f} s; distance to the one-process weights {d_ddp:.2e} '
          f'(a process training alone on its half batch: {d_half:.2e}; the weights moved by {moved:.2e})')
    # gradients are averaged over the processes: DDP follows the one-process run (up to float and L1-normalisation
    # differences, which Adam's first steps amplify), far more closely than one process on its half of each batch
    assert d_ddp < 0.1 * d_half and d_ddp < 0.1 * moved
