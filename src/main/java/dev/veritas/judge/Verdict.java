package dev.veritas.judge;

import dev.veritas.audit.Recommendation;
import dev.veritas.audit.RiskLevel;
import dev.veritas.audit.Signal;
import java.util.List;
import java.util.Map;

/** The judge's conclusion. */
public record Verdict(int trustScore, int uncappedScore, RiskLevel riskLevel, Map<String, Signal> signals, List<Override> overrides,
                      String narrative, List<Recommendation> recommendations) {}
