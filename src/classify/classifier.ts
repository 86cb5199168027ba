/**
 * What the evaluation protocol needs from a classifier (scikit-learn's fit/predict shape): features row-major in a
 * Float32Array, already normalised per fold by the caller; labels 0..classes-1.
 */
export interface Classifier {
  fit(x: Float32Array, rows: number, cols: number, y: Int32Array, classes: number): this;
  predict(x: Float32Array, rows: number): Int32Array;
  /** Per-row scores: one-vs-one decision values (SVM) or class probabilities (DNN). */
  decisionFunction?(x: Float32Array, rows: number): Float32Array;
}

export type ClassifierName = 'svm' | 'dnn';
