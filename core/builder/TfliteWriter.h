// IR → TFLite flatbuffer: the project's own model builder. Tests and the
// shipped example models are made with it (never copied from elsewhere).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "../Diagnostics.h"
#include "../ir/Graph.h"

namespace ember {

// Serialises a graph (tensors, constants, quantization, ops with their
// attributes, inputs/outputs) as a TFLite model ("TFL3", schema version 3).
std::vector<uint8_t> writeTflite(const Graph &g);

// Small deterministic example models made by Ember itself.
//   "ember_demo": int8 keyword-spotting-style CNN (CONV_2D, DEPTHWISE_CONV_2D,
//                 AVERAGE_POOL_2D, RESHAPE, FULLY_CONNECTED, SOFTMAX).
//   "micro_speech_kws": int8 keyword model over 49x40 audio features (the
//                 keyword half of examples/micro_speech_pipeline).
std::vector<std::string> exampleModelNames();
Result<Graph> makeExampleModel(const std::string &name);

}  // namespace ember
