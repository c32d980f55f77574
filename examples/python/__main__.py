"""kms-monitoring from Python: the whole monitoring of two existing KMS keys.

`pulumi package add ../..` generates the `pulumi_kms_monitoring` SDK from the package's schema.
test/package/run-plugin.test.ts sends STACK_ARGS to the package through Construct, with the
camelCase property names the SDK translates these snake_case names to.
"""
import pulumi
import pulumi_kms_monitoring as kms_monitoring

# construct-inputs:start
STACK_ARGS = {
    "environment": "prod",
    "region": "us-east-1",
    "notifications": {
        "emails": ["kms-oncall@example.com"],
        "critical": {
            "https": [
                "https://events.pagerduty.com/integration/4f1c9b2e7a6d4e08b3c5a9f0d2e8b741/enqueue"
            ]
        }
    },
    "security": {"emails": ["security-operations@example.com"]},
    "key_groups": [
        {
            "name": "payments",
            "description": "Card tokenisation and settlement keys",
            "keys": [
                "arn:aws:kms:us-east-1:111122223333:key/0f6c2a8e-3b1d-4c7a-9e52-7d4b1a9c3e10",
                "arn:aws:kms:us-east-1:111122223333:key/5b9e7d21-8c4f-4a36-b0e3-2f1d6c8a7b54"
            ],
            "expiry_warning_days": 30
        }
    ]
}
# construct-inputs:end

monitoring = kms_monitoring.KmsMonitoringStack("monitoring", **STACK_ARGS)

pulumi.export("dashboardUrls", monitoring.dashboard_urls)
pulumi.export("securityTopicArns", monitoring.security_topic_arns)
