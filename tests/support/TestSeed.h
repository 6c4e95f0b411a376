#pragma once

#include <QtGlobal>

#include <optional>

// The seed of a test's random choices. CPADESK_TEST_SEED in the environment wins (to replay a run);
// otherwise `fallback` when the test has a fixed one, else a fresh seed. The seed is printed either way,
// with the line that replays it, so that a failure seen once can be run again.
namespace TestSeed {

inline constexpr char EnvironmentVariable[] = "CPADESK_TEST_SEED";

quint32 take(std::optional<quint32> fallback = std::nullopt);

} // namespace TestSeed
