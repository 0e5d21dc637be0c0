// SPDX-License-Identifier: GPL-3.0-or-later
// Failure: the define factory throws new Error('boom in the define factory') while the module is
// imported, so there is no callbacks object. requirejs reports it through its onError (the error
// carries requireModules). The host should show "factory-throws.js: the define() factory threw:
// Error: boom in the define factory" with the stack (this file, line 9).
define(['amocrm-sdk'], function (initAmocrmWidgetSdk) {
  initAmocrmWidgetSdk({ version: '1.0.0' })
  // The error the host must report:
  throw new Error('boom in the define factory')
})
