// Debian's libcmark-gfm-dev ships the core header, the extension API and the core extensions side by side.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
