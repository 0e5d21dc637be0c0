/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cab-error.h"

G_DEFINE_QUARK (cab-error-quark, cab_error)
