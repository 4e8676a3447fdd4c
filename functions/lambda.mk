# Included by every functions/<name>/Makefile: `sam build` runs build-<LogicalId>, which copies the
# artifact Maven packaged (target/lambda: classes at the root, jars in lib/) into the SAM build.
MODULE_DIR := $(patsubst %/,%,$(dir $(abspath $(firstword $(MAKEFILE_LIST)))))
ROOT_DIR := $(abspath $(MODULE_DIR)/../..)

define lambda_artifact
	"$(ROOT_DIR)/dev" package-function "$(MODULE_DIR)" "$(ARTIFACTS_DIR)"
endef
