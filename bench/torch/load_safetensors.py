#!/usr/bin/python3
"""Loads a network saved by adan (`saveSequential`) into torch.nn.Sequential without the safetensors package,
and prints its eval-mode outputs for the rows given as JSON: a check that the files are readable by other tools.

  /usr/bin/python3 bench/torch/load_safetensors.py net.safetensors '[[0.1, -0.2, 0.3]]'
"""
import json
import struct
import sys

import torch
from torch import nn

ACT = {'linear': nn.Identity, 'tanh': nn.Tanh, 'relu': nn.ReLU, 'sigmoid': nn.Sigmoid}


def build(spec):
    layers, width = [], spec['inputs']
    for l in spec['layers']:
        t = l['type']
        if t == 'dense':
            layers.append(nn.Linear(width, l['units']))
            width = l['units']
        elif t == 'activation':
            fn = l['fn']
            layers.append(nn.LeakyReLU(l.get('slope', 0.2)) if fn == 'leakyRelu' else nn.Softmax(dim=1) if fn == 'softmax' else ACT[fn]())
        elif t == 'batchNorm':
            layers.append(nn.BatchNorm1d(width, eps=l.get('eps', 1e-3), momentum=1 - l.get('momentum', 0.99)))
        elif t == 'dropout':
            layers.append(nn.Dropout(l['rate']))
    return nn.Sequential(*layers)


def main():
    raw = open(sys.argv[1], 'rb').read()
    n = struct.unpack('<Q', raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    body = raw[8 + n:]
    meta = header.pop('__metadata__', {})
    state = {k: torch.frombuffer(bytearray(body[v['data_offsets'][0]:v['data_offsets'][1]]), dtype=torch.float32).reshape(v['shape'])
             for k, v in header.items()}
    net = build(json.loads(meta['spec']))
    net.load_state_dict(state, strict=False)
    net.eval()
    x = torch.tensor(json.loads(sys.argv[2]), dtype=torch.float32)
    print(json.dumps(net(x).detach().numpy().tolist()))


if __name__ == '__main__':
    main()
