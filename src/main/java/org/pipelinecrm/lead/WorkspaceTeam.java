package org.pipelinecrm.lead;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.pipelinecrm.identity.People;

/** A team id of the current workspace (or none); a made-up id or another workspace's is not. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WorkspaceTeam.Check.class)
@interface WorkspaceTeam {

    String message() default "{lead.team.unknown}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WorkspaceTeam, Long> {

        private final People people;

        public Check(People people) {
            this.people = people;
        }

        @Override
        public boolean isValid(Long id, ConstraintValidatorContext context) {
            return id == null || people.teamsById().containsKey(id);
        }
    }
}
