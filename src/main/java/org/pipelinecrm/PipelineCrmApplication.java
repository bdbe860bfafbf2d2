package org.pipelinecrm;

import org.pipelinecrm.shared.CrmSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableAsync;

@SpringBootApplication
@EnableConfigurationProperties(CrmSettings.class)
@EnableAsync
public class PipelineCrmApplication {

    public static void main(String[] args) {
        SpringApplication.run(PipelineCrmApplication.class, args);
    }
}
