/* bench-corpus.h — what the benchmark programs share: a varied corpus, timing, memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

double     bench_seconds_since (gint64      start);
long       bench_peak_rss_mb   (void);
GPtrArray *bench_make_corpus   (const char *dir,
                                guint       copies,
                                guint64    *total_bytes);
double     bench_time_xmllint  (GPtrArray  *paths);

G_END_DECLS
