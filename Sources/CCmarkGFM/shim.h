// Debian's libcmark-gfm-dev ships the core header and the extensions header side by side.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
