// Policy documents of the project, as pure functions of plain strings.
export * from "./policy-document";
export * from "./trail-bucket-policy";
export * from "./trail-key-policy";
export * from "./trail-delivery-role";
export * from "./alert-topic-key-policy";
export * from "./alert-topic-policy";
export * from "./dead-letter-queue-policy";
export * from "./sns-redrive-policy";
export * from "./event-bus-forwarding-role";
