/** Companies we sell to and the people in them, with their role in the purchase. */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package org.pipelinecrm.account;
