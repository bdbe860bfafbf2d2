/** Activities (calls, meetings, e-mails, notes), tasks and the timeline of every lead, contact, account and deal. */
@org.springframework.modulith.ApplicationModule(displayName = "Activities and tasks")
package org.pipelinecrm.activity;
