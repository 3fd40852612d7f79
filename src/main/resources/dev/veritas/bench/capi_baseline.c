/*
 * The store benchmark's floor: the benchmark's unit of work (1 audit + 20 findings + 52 events, the rows
 * `veritas bench store` writes) through SQLite's C API with no JDBC in between. Prepared statements, one
 * transaction per unit, the same connection settings as Veritas' writer; checkpoints stay automatic, as a
 * single thread has no other thread to leave them to. The texts are StoreWorkload's, byte for byte
 * (StoreBaselinesTest compares the columns' sizes with what Veritas writes).
 *
 * Built by the benchmark: gcc -O2 -o capi_baseline capi_baseline.c -lsqlite3
 * Usage: capi_baseline DATABASE UNITS NORMAL|FULL   (the schema must exist: the benchmark migrates it first)
 * Prints: units=N seconds=S cpu_seconds=C sqlite=VERSION (C: this process's user + system time for the units)
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <unistd.h>

#define EVENTS 50
#define FINDINGS 20

static sqlite3 *db;

static void die(const char *what) {
    fprintf(stderr, "%s: %s\n", what, db ? sqlite3_errmsg(db) : "out of memory");
    exit(1);
}

static void exec(const char *sql) {
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "%s: %s\n", sql, err ? err : "?");
        exit(1);
    }
}

static sqlite3_stmt *prepare(const char *sql) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        die(sql);
    }
    return st;
}

static void text(sqlite3_stmt *st, int i, const char *s) {
    sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static void run(sqlite3_stmt *st, const char *what) {
    if (sqlite3_step(st) != SQLITE_DONE) {
        die(what);
    }
    sqlite3_reset(st);
}

static long long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    return (long long) t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static double cpu(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

static double monotonic(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static const char *risk(int score) {
    if (score >= 90) return "trusted";
    if (score >= 70) return "probably_safe";
    if (score >= 40) return "suspicious";
    if (score >= 20) return "high_risk";
    return "likely_fraudulent";
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s DATABASE UNITS NORMAL|FULL\n", argv[0]);
        return 2;
    }
    int units = atoi(argv[2]);
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        die(argv[1]);
    }
    char pragmas[256];
    snprintf(pragmas, sizeof pragmas, "PRAGMA journal_mode=WAL; PRAGMA synchronous=%s; PRAGMA foreign_keys=ON; "
             "PRAGMA busy_timeout=5000; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-8000;", argv[3]);
    exec(pragmas);

    sqlite3_stmt *audit = prepare("INSERT INTO audits (id, url, host, status, tier, verdict_mode, attempts, lease_owner, "
            "lease_expires_at, created_at, started_at, updated_at, version) VALUES (?, ?, ?, 'running', 'standard_audit', "
            "'expert', 0, ?, ?, ?, ?, ?, 0)");
    sqlite3_stmt *event = prepare("INSERT INTO audit_events (audit_id, type, data, created_at) VALUES (?, ?, ?, ?)");
    sqlite3_stmt *complete = prepare("UPDATE audits SET status = 'completed', trust_score = ?, risk_level = ?, "
            "signal_scores = ?, overrides = ?, narrative = ?, recommendations = ?, site_type = ?, site_type_confidence = ?, "
            "security_results = ?, pages_scanned = ?, screenshots_count = 0, findings_count = ?, elapsed_ms = ?, errors = ?, "
            "error_message = NULL, completed_at = ?, updated_at = ?, lease_owner = NULL, lease_expires_at = NULL, "
            "version = version + 1 WHERE id = ? AND status = 'running'");
    sqlite3_stmt *finding = prepare("INSERT INTO audit_findings (audit_id, check_id, category, pattern_type, severity, "
            "confidence, title, description, plain_english, page_url, evidence, screenshot_index, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    static const char *severities[] = {"low", "medium", "high", "critical"};
    static const char *signals = "{\"dark_patterns\":{\"score\":0.4,\"confidence\":0.85,\"weight\":0.3},"
            "\"phishing\":{\"score\":1.0,\"confidence\":0.9,\"weight\":0.25},"
            "\"security\":{\"score\":0.8,\"confidence\":0.9,\"weight\":0.25},"
            "\"transparency\":{\"score\":0.7,\"confidence\":0.7,\"weight\":0.2}}";
    static const char *recommendations = "[{\"priority\":\"medium\",\"text\":\"Ignore the low-stock claims; compare prices "
            "elsewhere.\",\"based_on\":[\"dp.text.low_stock\"]}]";
    sqlite3_stmt *begin = prepare("BEGIN IMMEDIATE");
    sqlite3_stmt *commit = prepare("COMMIT");
    char id[32], url[96], host[64], owner[96], data[512], page[96], evidence[256];
    snprintf(owner, sizeof owner, "capi-baseline/%d/%lld/main", (int) getpid(), now_ms());

    double start = monotonic();
    double cpu_start = cpu();
    for (int n = 0; n < units; n++) {
        long long now = now_ms();
        snprintf(id, sizeof id, "vrts_%016x", n);
        snprintf(url, sizeof url, "https://bench%d.example/shop", n);
        snprintf(host, sizeof host, "bench%d.example", n);
        run(begin, "begin");

        text(audit, 1, id);
        text(audit, 2, url);
        text(audit, 3, host);
        text(audit, 4, owner);
        sqlite3_bind_int64(audit, 5, now + 300000);
        sqlite3_bind_int64(audit, 6, now);
        sqlite3_bind_int64(audit, 7, now);
        sqlite3_bind_int64(audit, 8, now);
        run(audit, "insert audit");

        snprintf(data, sizeof data, "{\"status\":\"running\",\"url\":\"%s\",\"tier\":\"standard_audit\"}", url);
        text(event, 1, id);
        text(event, 2, "status");
        text(event, 3, data);
        sqlite3_bind_int64(event, 4, now);
        run(event, "insert event");
        for (int e = 0; e < EVENTS; e++) {
            snprintf(data, sizeof data, "{\"phase\":\"capture\",\"message\":\"Captured https://bench%d.example/page/%d "
                     "\xe2\x80\x94 1,234 elements, 12 scripts, 3 forms\",\"pct\":%d}", n, e, e * 2);
            text(event, 1, id);
            text(event, 2, "log_entry");
            text(event, 3, data);
            sqlite3_bind_int64(event, 4, now);
            run(event, "insert event");
        }

        int score = 40 + n % 60;
        sqlite3_bind_int(complete, 1, score);
        text(complete, 2, risk(score));
        text(complete, 3, signals);
        text(complete, 4, "[]");
        text(complete, 5, "The site uses several pressure tactics but shows no sign of phishing.");
        text(complete, 6, recommendations);
        text(complete, 7, "ecommerce");
        sqlite3_bind_double(complete, 8, 0.8);
        text(complete, 9, "{\"grade\":\"B\"}");
        sqlite3_bind_int(complete, 10, 5);
        sqlite3_bind_int(complete, 11, FINDINGS);
        sqlite3_bind_int64(complete, 12, 14000);
        text(complete, 13, "[]");
        sqlite3_bind_int64(complete, 14, now);
        sqlite3_bind_int64(complete, 15, now);
        text(complete, 16, id);
        run(complete, "complete audit");
        for (int i = 0; i < FINDINGS; i++) {
            snprintf(page, sizeof page, "https://bench%d.example/product/%d", n, i);
            snprintf(evidence, sizeof evidence, "{\"text\":\"Hurry! Only %d left in stock\",\"selector\":\"div.stock > span\","
                     "\"values\":{\"count\":%d}}", i + 2, i + 2);
            text(finding, 1, id);
            text(finding, 2, "dp.text.low_stock");
            text(finding, 3, "scarcity");
            text(finding, 4, "low_stock_message");
            text(finding, 5, severities[i % 4]);
            sqlite3_bind_double(finding, 6, 0.87);
            text(finding, 7, "Low-stock message");
            text(finding, 8, "The page claims stock is about to run out.");
            text(finding, 9, "The shop says only a few items are left to hurry you; such claims are often false.");
            text(finding, 10, page);
            text(finding, 11, evidence);
            sqlite3_bind_int(finding, 12, i % 3);
            sqlite3_bind_int64(finding, 13, now);
            run(finding, "insert finding");
        }
        snprintf(data, sizeof data, "{\"trust_score\":%d,\"risk_level\":\"%s\",\"findings_count\":%d,\"pages_scanned\":5,"
                 "\"elapsed_ms\":14000}", score, risk(score), FINDINGS);
        text(event, 1, id);
        text(event, 2, "audit_result");
        text(event, 3, data);
        sqlite3_bind_int64(event, 4, now);
        run(event, "insert event");

        run(commit, "commit");
    }
    double seconds = monotonic() - start;
    double cpu_seconds = cpu() - cpu_start;

    sqlite3_finalize(begin);
    sqlite3_finalize(commit);
    sqlite3_finalize(audit);
    sqlite3_finalize(event);
    sqlite3_finalize(complete);
    sqlite3_finalize(finding);
    if (sqlite3_close(db) != SQLITE_OK) {
        die("close");
    }
    printf("units=%d seconds=%.6f cpu_seconds=%.6f sqlite=%s\n", units, seconds, cpu_seconds, sqlite3_libversion());
    return 0;
}
