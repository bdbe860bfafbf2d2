/** People: users, roles, teams, API tokens, sign-up, and how they sign in. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.pipelinecrm.identity;
