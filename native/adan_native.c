/*
 * adan native kernels: N-API (plain node_api.h) bindings around OpenBLAS cblas_sgemm plus fused elementwise
 * loops (bias + activation, activation derivatives, column sums, batch norm, Adam). Arrays are Float32Array views
 * used in place (no copies). Every size is checked against the view lengths so a wrong call throws instead of
 * writing out of bounds. Activation codes match src/nn/kernels.ts (ACT).
 * Built by node-gyp (binding.gyp) with -O3 and without -ffast-math, so results are reproducible on one machine.
 */
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <node_api.h>
#include <cblas.h>

/* OpenBLAS extensions (declared here so plain cblas.h from other vendors still compiles the rest) */
extern char *openblas_get_config(void);
extern char *openblas_get_corename(void);
extern int openblas_get_num_threads(void);
extern void openblas_set_num_threads(int num_threads);

enum { ACT_LINEAR = 0, ACT_TANH = 1, ACT_RELU = 2, ACT_LEAKY = 3, ACT_SIGMOID = 4, ACT_SOFTMAX = 5 };

#define MAXARGS 16
#define CHECK(call) do { if ((call) != napi_ok) { napi_throw_error(env, NULL, "adan_native: N-API call failed: " #call); return NULL; } } while (0)
#define FAIL(msg) do { napi_throw_error(env, NULL, "adan_native: " msg); return NULL; } while (0)

typedef struct { float *p; size_t n; } f32v;

static bool get_args(napi_env env, napi_callback_info info, size_t want, napi_value *argv) {
  size_t argc = MAXARGS;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok) return false;
  if (argc < want) {
    napi_throw_type_error(env, NULL, "adan_native: too few arguments");
    return false;
  }
  return true;
}

/* A Float32Array argument (or, when nullable, null/undefined -> p = NULL). */
static bool get_f32(napi_env env, napi_value v, f32v *out, bool nullable) {
  napi_valuetype t;
  if (napi_typeof(env, v, &t) != napi_ok) return false;
  if (nullable && (t == napi_null || t == napi_undefined)) {
    out->p = NULL;
    out->n = 0;
    return true;
  }
  bool is_ta = false;
  napi_is_typedarray(env, v, &is_ta);
  if (!is_ta) {
    napi_throw_type_error(env, NULL, "adan_native: expected a Float32Array");
    return false;
  }
  napi_typedarray_type type;
  size_t length;
  void *data;
  napi_value ab;
  size_t off;
  if (napi_get_typedarray_info(env, v, &type, &length, &data, &ab, &off) != napi_ok) return false;
  if (type != napi_float32_array) {
    napi_throw_type_error(env, NULL, "adan_native: expected a Float32Array");
    return false;
  }
  out->p = (float *)data;
  out->n = length;
  return true;
}

static bool get_i(napi_env env, napi_value v, int64_t *out) {
  if (napi_get_value_int64(env, v, out) != napi_ok) {
    napi_throw_type_error(env, NULL, "adan_native: expected an integer");
    return false;
  }
  return true;
}

static bool get_d(napi_env env, napi_value v, double *out) {
  if (napi_get_value_double(env, v, out) != napi_ok) {
    napi_throw_type_error(env, NULL, "adan_native: expected a number");
    return false;
  }
  return true;
}

static bool get_b(napi_env env, napi_value v, bool *out) {
  if (napi_get_value_bool(env, v, out) != napi_ok) {
    napi_throw_type_error(env, NULL, "adan_native: expected a boolean");
    return false;
  }
  return true;
}

/* Does a rows x cols block with leading dimension ld fit in n values? */
static bool fits(int64_t rows, int64_t cols, int64_t ld, size_t n) {
  if (rows < 0 || cols < 0 || ld < (cols > 1 ? cols : 1)) return false;
  if (rows == 0 || cols == 0) return true;
  return (uint64_t)((rows - 1) * ld + cols) <= (uint64_t)n;
}

/*
 * Hot elementwise loops, compiled for several instruction sets (AVX-512, AVX2, baseline SSE2) and picked once at load
 * time by the CPU (GCC target_clones). Floating-point contraction is off (-std=c11) and no fast-math is used, so every
 * clone computes bit-identical results: only the vector width differs.
 */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__)
#define HOT __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define HOT
#endif

/*
 * tanh as the rational approximation Eigen and TensorFlow use for float (odd degree-13 / even degree-6 polynomials,
 * input clamped to +-7.9053 where tanh rounds to +-1): max abs error 4e-7 (<= 7 ulp) against tanh in double, and
 * it vectorises, unlike libm's tanhf (about 10x slower here).
 */
static inline float tanh_r(float x) {
  const float c = 7.90531110763549805f;
  float xc = x > c ? c : x;
  xc = xc < -c ? -c : xc;
  const float x2 = xc * xc;
  float p = x2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
  p = x2 * p + -8.60467152213735e-11f;
  p = x2 * p + 5.12229709037114e-08f;
  p = x2 * p + 1.48572235717979e-05f;
  p = x2 * p + 6.37261928875436e-04f;
  p = x2 * p + 4.89352455891786e-03f;
  p = xc * p;
  float q = x2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
  q = x2 * q + 2.26843463243900e-03f;
  q = x2 * q + 4.89352518554385e-03f;
  const float r = p / q;
  return fabsf(x) < 0.0004f ? x : r;
}

static inline float sigmoidf_(float x) {
  if (x >= 0.0f) return 1.0f / (1.0f + expf(-x));
  float e = expf(x);
  return e / (1.0f + e);
}

/* o = act(z + b) for one row (b may be NULL; z may equal o) */
HOT static void bias_act_row(int act, float slope, int64_t cols, const float *z, const float *b, float *o) {
  if (b) for (int64_t j = 0; j < cols; j++) o[j] = z[j] + b[j];
  else if (o != z) memmove(o, z, (size_t)cols * sizeof(float));
  switch (act) {
    case ACT_TANH: for (int64_t j = 0; j < cols; j++) o[j] = tanh_r(o[j]); break;
    case ACT_RELU: for (int64_t j = 0; j < cols; j++) o[j] = o[j] > 0.0f ? o[j] : 0.0f; break;
    case ACT_LEAKY: for (int64_t j = 0; j < cols; j++) o[j] = o[j] < 0.0f ? o[j] * slope : o[j]; break;
    case ACT_SIGMOID: for (int64_t j = 0; j < cols; j++) o[j] = sigmoidf_(o[j]); break;
    case ACT_SOFTMAX: {
      float mx = -INFINITY;
      for (int64_t j = 0; j < cols; j++) if (o[j] > mx) mx = o[j];
      double s = 0.0;
      for (int64_t j = 0; j < cols; j++) { o[j] = expf(o[j] - mx); s += o[j]; }
      const float inv = (float)(1.0 / s);
      for (int64_t j = 0; j < cols; j++) o[j] *= inv;
      break;
    }
    default: break;
  }
}

/* dx = dy * act'(y) over n values (elementwise activations only) */
HOT static void act_backward_flat(int act, float slope, size_t n, const float *y, const float *dy, float *dx) {
  switch (act) {
    case ACT_LINEAR: if (dx != dy) memmove(dx, dy, n * sizeof(float)); break;
    case ACT_TANH: for (size_t i = 0; i < n; i++) dx[i] = dy[i] * (1.0f - y[i] * y[i]); break;
    case ACT_RELU: for (size_t i = 0; i < n; i++) dx[i] = y[i] > 0.0f ? dy[i] : 0.0f; break;
    case ACT_LEAKY: for (size_t i = 0; i < n; i++) dx[i] = y[i] > 0.0f ? dy[i] : dy[i] * slope; break;
    case ACT_SIGMOID: for (size_t i = 0; i < n; i++) dx[i] = dy[i] * y[i] * (1.0f - y[i]); break;
    default: break;
  }
}

HOT static void col_sum_add(int64_t rows, int64_t cols, const float *restrict a, float *restrict out) {
  for (int64_t r = 0; r < rows; r++) {
    const float *ar = a + r * cols;
    for (int64_t j = 0; j < cols; j++) out[j] += ar[j];
  }
}

HOT static void adam_loop(size_t n, float *restrict p, const float *restrict g, float *restrict m, float *restrict v,
                          float step, float isb2, float b1, float b2, float ob1, float ob2, float eps) {
  for (size_t i = 0; i < n; i++) {
    const float gi = g[i];
    const float mi = b1 * m[i] + ob1 * gi;
    const float vi = b2 * v[i] + ob2 * gi * gi;
    m[i] = mi;
    v[i] = vi;
    p[i] -= step * mi / (sqrtf(vi) * isb2 + eps);
  }
}

/* sgemm(transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc): row-major cblas_sgemm */
static napi_value Sgemm(napi_env env, napi_callback_info info) {
  napi_value a[MAXARGS];
  if (!get_args(env, info, 13, a)) return NULL;
  bool ta, tb;
  int64_t m, n, k, lda, ldb, ldc;
  double alpha, beta;
  f32v A, B, C;
  if (!get_b(env, a[0], &ta) || !get_b(env, a[1], &tb) || !get_i(env, a[2], &m) || !get_i(env, a[3], &n) ||
      !get_i(env, a[4], &k) || !get_d(env, a[5], &alpha) || !get_f32(env, a[6], &A, false) || !get_i(env, a[7], &lda) ||
      !get_f32(env, a[8], &B, false) || !get_i(env, a[9], &ldb) || !get_d(env, a[10], &beta) ||
      !get_f32(env, a[11], &C, false) || !get_i(env, a[12], &ldc))
    return NULL;
  if (m < 0 || n < 0 || k < 0) FAIL("sgemm: negative size");
  if (!(ta ? fits(k, m, lda, A.n) : fits(m, k, lda, A.n))) FAIL("sgemm: A is too small for its size and lda");
  if (!(tb ? fits(n, k, ldb, B.n) : fits(k, n, ldb, B.n))) FAIL("sgemm: B is too small for its size and ldb");
  if (!fits(m, n, ldc, C.n)) FAIL("sgemm: C is too small for its size and ldc");
  if (m == 0 || n == 0) return NULL;
  cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, (int)m, (int)n, (int)k,
              (float)alpha, A.p, (int)lda, B.p, (int)ldb, (float)beta, C.p, (int)ldc);
  return NULL;
}

/* biasAct(act, slope, rows, cols, z, bias|null, out): out = act(z + bias) */
static napi_value BiasAct(napi_env env, napi_callback_info info) {
  napi_value a[MAXARGS];
  if (!get_args(env, info, 7, a)) return NULL;
  int64_t act, rows, cols;
  double slope_d;
  f32v Z, Bv, O;
  if (!get_i(env, a[0], &act) || !get_d(env, a[1], &slope_d) || !get_i(env, a[2], &rows) || !get_i(env, a[3], &cols) ||
      !get_f32(env, a[4], &Z, false) || !get_f32(env, a[5], &Bv, true) || !get_f32(env, a[6], &O, false))
    return NULL;
  if (rows < 0 || cols < 0) FAIL("biasAct: negative size");
  size_t total = (size_t)rows * (size_t)cols;
  if (Z.n < total || O.n < total) FAIL("biasAct: arrays shorter than rows*cols");
  if (Bv.p && Bv.n < (size_t)cols) FAIL("biasAct: bias shorter than cols");
  if (act < ACT_LINEAR || act > ACT_SOFTMAX) FAIL("biasAct: unknown activation code");
  for (int64_t r = 0; r < rows; r++) bias_act_row((int)act, (float)slope_d, cols, Z.p + r * cols, Bv.p, O.p + r * cols);
  return NULL;
}

/* actBackward(act, slope, rows, cols, y, dy, dx): dx = dy * act'(from y) */
static napi_value ActBackward(napi_env env, napi_callback_info info) {
  napi_value a[MAXARGS];
  if (!get_args(env, info, 7, a)) return NULL;
  int64_t act, rows, cols;
  double slope_d;
  f32v Y, DY, DX;
  if (!get_i(env, a[0], &act) || !get_d(env, a[1], &slope_d) || !get_i(env, a[2], &rows) || !get_i(env, a[3], &cols) ||
      !get_f32(env, a[4], &Y, false) || !get_f32(env, a[5], &DY, false) || !get_f32(env, a[6], &DX, false))
    return NULL;
  if (rows < 0 || cols < 0) FAIL("actBackward: negative size");
  size_t n = (size_t)rows * (size_t)cols;
  if (Y.n < n || DY.n < n || DX.n < n) FAIL("actBackward: arrays shorter than rows*cols");
  if (act < ACT_LINEAR || act > ACT_SOFTMAX) FAIL("actBackward: unknown activation code");
  if (act != ACT_SOFTMAX) {
    act_backward_flat((int)act, (float)slope_d, n, Y.p, DY.p, DX.p);
    return NULL;
  }
  for (int64_t r = 0; r < rows; r++) {
    const float *yr = Y.p + r * cols, *dyr = DY.p + r * cols;
    float *dxr = DX.p + r * cols;
    double s = 0.0;
    for (int64_t j = 0; j < cols; j++) s += (double)dyr[j] * yr[j];
    const float sf = (float)s;
    for (int64_t j = 0; j < cols; j++) dxr[j] = yr[j] * (dyr[j] - sf);
  }
  return NULL;
}

/* colSumAdd(rows, cols, a, out): out[j] += sum_r a[r, j] (float accumulation row by row: vectorises, fixed order) */
static napi_value ColSumAdd(napi_env env, napi_callback_info info) {
  napi_value a[MAXARGS];
  if (!get_args(env, info, 4, a)) return NULL;
  int64_t rows, cols;
  f32v A, O;
  if (!get_i(env, a[0], &rows) || !get_i(env, a[1], &cols) || !get_f32(env, a[2], &A, false) || !get_f32(env, a[3], &O, false)) return NULL;
  if (rows < 0 || cols < 0) FAIL("colSumAdd: negative size");
  if (A.n < (size_t)rows * (size_t)cols || O.n < (size_t)cols) FAIL("colSumAdd: arrays too short");
  col_sum_add(rows, cols, A.p, O.p);
  return NULL;
}

/* The Adam update is memory-bound (7 float streams). Splitting it over a second thread was measured slower here
 * (OpenBLAS's workers still spin on the other core right after a GEMM), so it runs on the calling thread. */
/* adam(n, p, g, m, v, lr, beta1, beta2, eps, bc1, bc2): PyTorch-form Adam step */
static napi_value Adam(napi_env env, napi_callback_info info) {
  napi_value a[MAXARGS];
  if (!get_args(env, info, 11, a)) return NULL;
  int64_t n;
  f32v P, G, M, V;
  double lr, b1, b2, eps, bc1, bc2;
  if (!get_i(env, a[0], &n) || !get_f32(env, a[1], &P, false) || !get_f32(env, a[2], &G, false) || !get_f32(env, a[3], &M, false) ||
      !get_f32(env, a[4], &V, false) || !get_d(env, a[5], &lr) || !get_d(env, a[6], &b1) || !get_d(env, a[7], &b2) ||
      !get_d(env, a[8], &eps) || !get_d(env, a[9], &bc1) || !get_d(env, a[10], &bc2))
    return NULL;
  if (n < 0 || P.n < (size_t)n || G.n < (size_t)n || M.n < (size_t)n || V.n < (size_t)n) FAIL("adam: arrays shorter than n");
  adam_loop((size_t)n, P.p, G.p, M.p, V.p, (float)(lr / bc1), (float)(1.0 / sqrt(bc2)), (float)b1, (float)b2,
            (float)(1.0 - b1), (float)(1.0 - b2), (float)eps);
  return NULL;
}

/* bnTrain(rows, cols, x, gamma, beta, eps, momentum, runMean, runVar, xhat, invStd, y) */
static napi_value BnTrain(napi_env env, napi_callback_info info) {
  napi_value a[MAXARGS];
  if (!get_args(env, info, 12, a)) return NULL;
  int64_t rows, cols;
  double eps, mom;
  f32v X, Gm, Bt, RM, RV, XH, IS, Y;
  if (!get_i(env, a[0], &rows) || !get_i(env, a[1], &cols) || !get_f32(env, a[2], &X, false) || !get_f32(env, a[3], &Gm, false) ||
      !get_f32(env, a[4], &Bt, false) || !get_d(env, a[5], &eps) || !get_d(env, a[6], &mom) || !get_f32(env, a[7], &RM, false) ||
      !get_f32(env, a[8], &RV, false) || !get_f32(env, a[9], &XH, false) || !get_f32(env, a[10], &IS, false) || !get_f32(env, a[11], &Y, false))
    return NULL;
  size_t n = (size_t)rows * (size_t)cols, c = (size_t)cols;
  if (rows < 1 || cols < 0 || X.n < n || XH.n < n || Y.n < n || Gm.n < c || Bt.n < c || RM.n < c || RV.n < c || IS.n < c) FAIL("bnTrain: bad sizes");
  for (int64_t j = 0; j < cols; j++) {
    double s = 0.0;
    for (int64_t r = 0; r < rows; r++) s += X.p[r * cols + j];
    const double mean = s / (double)rows;
    double q = 0.0;
    for (int64_t r = 0; r < rows; r++) { const double d = X.p[r * cols + j] - mean; q += d * d; }
    const double biased = q / (double)rows, unbiased = rows > 1 ? q / (double)(rows - 1) : biased;
    const double is = 1.0 / sqrt(biased + eps);
    IS.p[j] = (float)is;
    RM.p[j] = (float)(mom * RM.p[j] + (1.0 - mom) * mean);
    RV.p[j] = (float)(mom * RV.p[j] + (1.0 - mom) * unbiased);
    const float g = Gm.p[j], b = Bt.p[j];
    for (int64_t r = 0; r < rows; r++) {
      const size_t i = (size_t)(r * cols + j);
      const float h = (float)((X.p[i] - mean) * is);
      XH.p[i] = h;
      Y.p[i] = g * h + b;
    }
  }
  return NULL;
}

/* bnEval(rows, cols, x, gamma, beta, eps, runMean, runVar, y) */
static napi_value BnEval(napi_env env, napi_callback_info info) {
  napi_value a[MAXARGS];
  if (!get_args(env, info, 9, a)) return NULL;
  int64_t rows, cols;
  double eps;
  f32v X, Gm, Bt, RM, RV, Y;
  if (!get_i(env, a[0], &rows) || !get_i(env, a[1], &cols) || !get_f32(env, a[2], &X, false) || !get_f32(env, a[3], &Gm, false) ||
      !get_f32(env, a[4], &Bt, false) || !get_d(env, a[5], &eps) || !get_f32(env, a[6], &RM, false) || !get_f32(env, a[7], &RV, false) ||
      !get_f32(env, a[8], &Y, false))
    return NULL;
  size_t n = (size_t)rows * (size_t)cols, c = (size_t)cols;
  if (rows < 0 || cols < 0 || X.n < n || Y.n < n || Gm.n < c || Bt.n < c || RM.n < c || RV.n < c) FAIL("bnEval: bad sizes");
  for (int64_t j = 0; j < cols; j++) {
    const double s = Gm.p[j] / sqrt((double)RV.p[j] + eps);
    const double t = Bt.p[j] - RM.p[j] * s;
    for (int64_t r = 0; r < rows; r++) Y.p[r * cols + j] = (float)(X.p[r * cols + j] * s + t);
  }
  return NULL;
}

/* bnBackward(rows, cols, dy, xhat, invStd, gamma, dgamma|null, dbeta|null, dx) */
static napi_value BnBackward(napi_env env, napi_callback_info info) {
  napi_value a[MAXARGS];
  if (!get_args(env, info, 9, a)) return NULL;
  int64_t rows, cols;
  f32v DY, XH, IS, Gm, DG, DB, DX;
  if (!get_i(env, a[0], &rows) || !get_i(env, a[1], &cols) || !get_f32(env, a[2], &DY, false) || !get_f32(env, a[3], &XH, false) ||
      !get_f32(env, a[4], &IS, false) || !get_f32(env, a[5], &Gm, false) || !get_f32(env, a[6], &DG, true) ||
      !get_f32(env, a[7], &DB, true) || !get_f32(env, a[8], &DX, false))
    return NULL;
  size_t n = (size_t)rows * (size_t)cols, c = (size_t)cols;
  if (rows < 1 || cols < 0 || DY.n < n || XH.n < n || DX.n < n || IS.n < c || Gm.n < c || (DG.p && DG.n < c) || (DB.p && DB.n < c)) FAIL("bnBackward: bad sizes");
  for (int64_t j = 0; j < cols; j++) {
    double sdy = 0.0, sdyx = 0.0;
    for (int64_t r = 0; r < rows; r++) {
      const size_t i = (size_t)(r * cols + j);
      sdy += DY.p[i];
      sdyx += (double)DY.p[i] * XH.p[i];
    }
    if (DG.p) DG.p[j] += (float)sdyx;
    if (DB.p) DB.p[j] += (float)sdy;
    const double s = (double)Gm.p[j] * IS.p[j] / (double)rows;
    for (int64_t r = 0; r < rows; r++) {
      const size_t i = (size_t)(r * cols + j);
      DX.p[i] = (float)(s * ((double)rows * DY.p[i] - sdy - XH.p[i] * sdyx));
    }
  }
  return NULL;
}

/* info(): { config, corename, threads } */
static napi_value Info(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value obj, v;
  CHECK(napi_create_object(env, &obj));
  CHECK(napi_create_string_utf8(env, openblas_get_config(), NAPI_AUTO_LENGTH, &v));
  CHECK(napi_set_named_property(env, obj, "config", v));
  CHECK(napi_create_string_utf8(env, openblas_get_corename(), NAPI_AUTO_LENGTH, &v));
  CHECK(napi_set_named_property(env, obj, "corename", v));
  CHECK(napi_create_int32(env, openblas_get_num_threads(), &v));
  CHECK(napi_set_named_property(env, obj, "threads", v));
  return obj;
}

/* setThreads(n): OpenBLAS threads from now on (n >= 1); returns the count before. Multithreaded sgemm partitions the
 * output differently, so some entries round differently: callers fix the count where results must not depend on it. */
static napi_value SetThreads(napi_env env, napi_callback_info info) {
  napi_value argv[MAXARGS], v;
  int64_t n;
  if (!get_args(env, info, 1, argv) || !get_i(env, argv[0], &n)) return NULL;
  if (n < 1 || n > 1024) FAIL("setThreads: expected 1..1024 threads");
  const int before = openblas_get_num_threads();
  openblas_set_num_threads((int)n);
  CHECK(napi_create_int32(env, before, &v));
  return v;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor d[] = {
    { "sgemm", NULL, Sgemm, NULL, NULL, NULL, napi_default, NULL },
    { "biasAct", NULL, BiasAct, NULL, NULL, NULL, napi_default, NULL },
    { "actBackward", NULL, ActBackward, NULL, NULL, NULL, napi_default, NULL },
    { "colSumAdd", NULL, ColSumAdd, NULL, NULL, NULL, napi_default, NULL },
    { "adam", NULL, Adam, NULL, NULL, NULL, napi_default, NULL },
    { "bnTrain", NULL, BnTrain, NULL, NULL, NULL, napi_default, NULL },
    { "bnEval", NULL, BnEval, NULL, NULL, NULL, napi_default, NULL },
    { "bnBackward", NULL, BnBackward, NULL, NULL, NULL, napi_default, NULL },
    { "info", NULL, Info, NULL, NULL, NULL, napi_default, NULL },
    { "setThreads", NULL, SetThreads, NULL, NULL, NULL, napi_default, NULL },
  };
  if (napi_define_properties(env, exports, sizeof(d) / sizeof(d[0]), d) != napi_ok) return NULL;
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
