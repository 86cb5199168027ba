#!/usr/bin/python3
"""PyTorch 1.13 reference for `adan bench train`: complete ADAN training iterations on random data.

Networks (paper section II; tanh hidden layers, Xavier-uniform init, Adam lr 1e-4):
  encoder E: D -> 800 -> 800 -> 100 (tanh code)      decoder R: 100 -> 800 -> 800 -> D (linear output)
  classifier C: 100 -> 100 -> 100 -> K (logits)      generator G: (100 + K) -> 100 -> 100 -> 100 (tanh code)
  discriminator D: 100 -> 100 -> 100 -> 1 (logit)
One iteration = (1) discriminator step: BCE(D(E(x)), 1) + BCE(D(G(z, y)), 0), E and G frozen (no_grad);
(2) autoencoder + classifier step: MSE(R(E(x)), x) + CE(C(E(x)), y), updating E, R and C;
(3) generator step: BCE(D(G(z, y)), 1) (inverted labels) + CE(C(G(z, y)), y), through D and C frozen
(requires_grad off, so no parameter gradients are computed for them).
Prints one JSON line; msPerIter is the median over --iters timed iterations after --warmup untimed ones.
"""
import argparse
import json
import statistics
import time

import torch
from torch import nn
import torch.nn.functional as F


def mlp(sizes, out_act):
    layers = []
    for i in range(len(sizes) - 1):
        lin = nn.Linear(sizes[i], sizes[i + 1])
        nn.init.xavier_uniform_(lin.weight)
        nn.init.zeros_(lin.bias)
        layers.append(lin)
        if i < len(sizes) - 2:
            layers.append(nn.Tanh())
    if out_act == 'tanh':
        layers.append(nn.Tanh())
    return nn.Sequential(*layers)


def linear_flops(net, batch, backward_input=True, param_grads=True):
    """2*m*n*k per GEMM: forward, plus input and weight gradients when computed."""
    f = 0
    lins = [m for m in net if isinstance(m, nn.Linear)]
    for i, lin in enumerate(lins):
        mnk = batch * lin.in_features * lin.out_features
        f += 2 * mnk
        if backward_input is not None:
            if param_grads:
                f += 2 * mnk
            if backward_input or i > 0:
                f += 2 * mnk
    return f


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--dim', type=int, default=1582)
    ap.add_argument('--batch', type=int, default=128)
    ap.add_argument('--iters', type=int, default=30)
    ap.add_argument('--warmup', type=int, default=5)
    ap.add_argument('--classes', type=int, default=7)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seed', type=int, default=0)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    D, B, K, Z, H = a.dim, a.batch, a.classes, 100, 100
    E = mlp([D, 800, 800, H], 'tanh')
    R = mlp([H, 800, 800, D], 'linear')
    C = mlp([H, 100, 100, K], 'linear')
    G = mlp([Z + K, 100, 100, H], 'tanh')
    Dn = mlp([H, 100, 100, 1], 'linear')
    opt_d = torch.optim.Adam(Dn.parameters(), lr=1e-4)
    opt_ae = torch.optim.Adam(list(E.parameters()) + list(R.parameters()) + list(C.parameters()), lr=1e-4)
    opt_g = torch.optim.Adam(G.parameters(), lr=1e-4)
    x = torch.randn(B, D)
    y = torch.randint(0, K, (B,))
    onehot = F.one_hot(y, K).float()
    ones = torch.ones(B, 1)
    zeros = torch.zeros(B, 1)

    def set_grad(net, on):
        for p in net.parameters():
            p.requires_grad_(on)

    def iteration():
        z = torch.randn(B, Z)
        zy = torch.cat([z, onehot], 1)
        # (1) discriminator step, E and G frozen
        with torch.no_grad():
            real = E(x)
            fake = G(zy)
        opt_d.zero_grad()
        loss_d = F.binary_cross_entropy_with_logits(Dn(real), ones) + F.binary_cross_entropy_with_logits(Dn(fake), zeros)
        loss_d.backward()
        opt_d.step()
        # (2) autoencoder + auxiliary classifier step
        opt_ae.zero_grad()
        h = E(x)
        loss_ae = F.mse_loss(R(h), x) + F.cross_entropy(C(h), y)
        loss_ae.backward()
        opt_ae.step()
        # (3) generator step through frozen D and C (inverted labels)
        set_grad(Dn, False)
        set_grad(C, False)
        opt_g.zero_grad()
        fake = G(zy)
        loss_g = F.binary_cross_entropy_with_logits(Dn(fake), ones) + F.cross_entropy(C(fake), y)
        loss_g.backward()
        opt_g.step()
        set_grad(Dn, True)
        set_grad(C, True)

    for _ in range(a.warmup):
        iteration()
    times = []
    for _ in range(a.iters):
        t0 = time.perf_counter()
        iteration()
        times.append((time.perf_counter() - t0) * 1000)
    ms = statistics.median(times)
    flops = (linear_flops(E, B, None) + linear_flops(G, B, None) + 2 * linear_flops(Dn, B, False)  # D step
             + linear_flops(E, B, False) + linear_flops(R, B) + linear_flops(C, B)                   # AE + C step
             + linear_flops(G, B, False) + linear_flops(Dn, B, True, False) + linear_flops(C, B, True, False))  # G step
    print(json.dumps({'impl': 'pytorch', 'torch': torch.__version__, 'threads': torch.get_num_threads(), 'dim': D, 'batch': B,
                      'classes': K, 'iters': a.iters, 'msPerIter': round(ms, 3), 'msMin': round(min(times), 3),
                      'gflops': round(flops / (ms * 1e6), 2), 'flopsPerIter': flops}))


if __name__ == '__main__':
    main()
