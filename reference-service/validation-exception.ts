/**
 * The awsJson `ValidationException` an implementation raises for input the
 * model allows but the service does not (an unsupported filter, a bad token).
 * The model does not declare it, so it is built on the service's base
 * exception; the runtime handler answers it as a 400 with that `__type`.
 */
import { SSMServiceException } from "@sjc/ssm";

export function validationException(message: string): SSMServiceException {
  return new SSMServiceException({ name: "ValidationException", $fault: "client", message });
}
