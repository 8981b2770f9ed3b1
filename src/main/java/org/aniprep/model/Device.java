package org.aniprep.model;

/** Where ONNX Runtime runs a model. CUDA needs the GPU build (Maven profile {@code cuda}). */
public enum Device { CPU, CUDA }
