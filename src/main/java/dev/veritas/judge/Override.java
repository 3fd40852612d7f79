package dev.veritas.judge;

/**
 * A rule that caps the trust score whatever the signals say: some facts (a phishing page, a miner, a password
 * form sent over plain HTTP) are disqualifying on their own.
 */
public record Override(String rule, int cap, String reason) {}
