/**
 * The diff's table: pairs of models built from model/ssm.json, one change
 * per row, each with the events it must give (`SEVERITY EventId shape-id`)
 * and, where it matters, words the messages must contain.
 */

/** A JSON AST model, loosely typed so that rows can edit it. */
export type Model = { smithy: string; metadata?: Record<string, unknown>; shapes: Record<string, any> };

export interface Row {
  /** The evaluator the row is for. */
  readonly evaluator: string;
  readonly change: string;
  /** Applied to both models first, when the change needs something model/ssm.json lacks. */
  readonly given?: (model: Model) => void;
  readonly edit: (model: Model) => void;
  readonly events: readonly string[];
  readonly mentions?: readonly string[];
}

export const NS = "com.amazonaws.ssm#";
const SERVICE = `${NS}AmazonSSM`;
const OP = `${NS}DescribeMaintenanceWindowExecutionTasks`;
const REQUEST = `${NS}DescribeMaintenanceWindowExecutionTasksRequest`;
const RESULT = `${NS}DescribeMaintenanceWindowExecutionTasksResult`;
const IDENTITY = `${NS}MaintenanceWindowExecutionTaskIdentity`;
const STATUS = `${NS}MaintenanceWindowExecutionStatus`;
const FILTER = `${NS}MaintenanceWindowFilter`;
const ALARMS = `${NS}AlarmConfiguration`;

const withResource = (m: Model) => {
  m.shapes[`${NS}WindowExecution`] = {
    type: "resource",
    identifiers: { WindowExecutionId: { target: `${NS}MaintenanceWindowExecutionId` } },
  };
};
const withTrait = (m: Model) => {
  m.shapes[`${NS}auditNote`] = {
    type: "string",
    traits: { "smithy.api#trait": { breakingChanges: [{ change: "remove", severity: "DANGER" }] } },
  };
};
const withIntEnum = (m: Model) => {
  m.shapes[`${NS}Priority`] = {
    type: "intEnum",
    members: {
      LOW: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": 1 } },
      HIGH: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": 2 } },
    },
  };
};

export const ROWS: readonly Row[] = [
  {
    evaluator: "AddedShape",
    change: "a new string shape",
    edit: (m) => (m.shapes[`${NS}Comment`] = { type: "string" }),
    events: [`NOTE AddedShape ${NS}Comment`],
  },
  {
    evaluator: "AddedShape",
    change: "a new optional member of the request",
    edit: (m) => (m.shapes[REQUEST].members.IncludeSkipped = { target: `${NS}Boolean` }),
    events: [`NOTE AddedShape ${REQUEST}$IncludeSkipped`],
  },
  {
    evaluator: "RemovedShape",
    change: "a member of an output structure removed",
    edit: (m) => delete m.shapes[IDENTITY].members.TriggeredAlarms,
    events: [`ERROR RemovedShape ${IDENTITY}$TriggeredAlarms`],
    mentions: ["`MaintenanceWindowExecutionTaskIdentity.TriggeredAlarms` is gone"],
  },
  {
    evaluator: "RemovedShape",
    change: "a timestamp shape removed",
    edit: (m) => delete m.shapes[`${NS}DateTime`],
    events: [`WARNING RemovedShape.ScalarShape ${NS}DateTime`],
  },
  {
    evaluator: "ChangedShapeType",
    change: "integer → long",
    edit: (m) => (m.shapes[`${NS}MaintenanceWindowMaxResults`].type = "long"),
    events: [`ERROR ChangedShapeType ${NS}MaintenanceWindowMaxResults`],
  },
  {
    evaluator: "ChangedShapeType",
    change: "a string with @enum becomes an enum shape (no event for the type)",
    given: (m) =>
      (m.shapes[`${NS}Color`] = {
        type: "string",
        traits: {
          "smithy.api#enum": [
            { value: "RED", name: "RED" },
            { value: "BLUE", name: "BLUE" },
          ],
        },
      }),
    edit: (m) =>
      (m.shapes[`${NS}Color`] = {
        type: "enum",
        members: {
          RED: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "RED" } },
          BLUE: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "BLUE" } },
        },
      }),
    events: [],
  },
  {
    evaluator: "AddedRequiredMember",
    change: "a new @required member of a nested structure",
    edit: (m) => (m.shapes[FILTER].members.Owner = { target: `${NS}String`, traits: { "smithy.api#required": {} } }),
    events: [`ERROR AddedRequiredMember ${FILTER}$Owner`, `NOTE AddedShape ${FILTER}$Owner`],
    mentions: ["code that builds a `MaintenanceWindowFilter` without it no longer compiles"],
  },
  {
    evaluator: "AddedRequiredMember",
    change: "a new @required member of the @input request",
    edit: (m) => (m.shapes[REQUEST].members.Owner = { target: `${NS}String`, traits: { "smithy.api#required": {} } }),
    events: [`ERROR AddedRequiredMember ${REQUEST}$Owner`, `NOTE AddedShape ${REQUEST}$Owner`],
    mentions: ["stays optional", "reject input without it"],
  },
  {
    evaluator: "ChangedMemberTarget",
    change: "a string member retargeted to another string without @length",
    edit: (m) => (m.shapes[IDENTITY].members.StatusDetails.target = `${NS}String`),
    events: [`WARNING ChangedMemberTarget ${IDENTITY}$StatusDetails`],
    mentions: ["compatible; in effect: [WARNING] trait `smithy.api#length` was removed"],
  },
  {
    evaluator: "ChangedMemberTarget",
    change: "an enum member retargeted to a string",
    edit: (m) => (m.shapes[IDENTITY].members.Status.target = `${NS}String`),
    events: [`ERROR ChangedMemberTarget ${IDENTITY}$Status`],
    mentions: [
      "`MaintenanceWindowExecutionTaskIdentity.Status` is now `string` instead of `MaintenanceWindowExecutionStatus`",
    ],
  },
  {
    evaluator: "ChangedNullability",
    change: "@required removed from an output member",
    edit: (m) => delete m.shapes[ALARMS].members.Alarms.traits["smithy.api#required"],
    events: [`ERROR ChangedNullability.RemovedRequiredTrait ${ALARMS}$Alarms`],
    mentions: ["`AlarmConfiguration.Alarms` becomes optional"],
  },
  {
    evaluator: "ChangedNullability",
    change: "@required added to an existing member",
    edit: (m) => (m.shapes[IDENTITY].members.TaskArn.traits["smithy.api#required"] = {}),
    events: [`ERROR ChangedNullability.AddedRequiredTrait ${IDENTITY}$TaskArn`],
    mentions: ["`MaintenanceWindowExecutionTaskIdentity.TaskArn` is no longer optional"],
  },
  {
    evaluator: "ChangedNullability",
    change: "@required added to a member that targets a structure",
    edit: (m) => (m.shapes[IDENTITY].members.AlarmConfiguration.traits["smithy.api#required"] = {}),
    events: [`WARNING ChangedNullability.AddedRequiredTrait.StructureOrUnion ${IDENTITY}$AlarmConfiguration`],
  },
  {
    evaluator: "ChangedNullability",
    change: "@input removed from the request",
    edit: (m) => {
      delete m.shapes[REQUEST].traits["smithy.api#input"];
    },
    events: [
      `ERROR TraitBreakingChange.Remove.smithy.api#input ${REQUEST}`,
      `ERROR ChangedNullability.RemovedInputTrait ${REQUEST}$WindowExecutionId`,
    ],
  },
  {
    evaluator: "ChangedDefault",
    change: "a default changed from the zero value to another",
    edit: (m) => (m.shapes[ALARMS].members.IgnorePollAlarmFailure.traits["smithy.api#default"] = true),
    events: [
      `ERROR ChangedDefault ${ALARMS}$IgnorePollAlarmFailure`,
      `NOTE ModifiedTrait.Update.smithy.api#default ${ALARMS}$IgnorePollAlarmFailure`,
    ],
  },
  {
    evaluator: "ChangedDefault",
    change: "a default added without @addedDefault",
    edit: (m) => (m.shapes[IDENTITY].members.TaskArn.traits["smithy.api#default"] = "none"),
    events: [
      `ERROR ChangedDefault ${IDENTITY}$TaskArn`,
      `ERROR ChangedNullability.AddedDefaultTrait ${IDENTITY}$TaskArn`,
      `NOTE ModifiedTrait.Add.smithy.api#default ${IDENTITY}$TaskArn`,
    ],
  },
  {
    evaluator: "ChangedEnumTrait",
    change: "an enum value removed",
    edit: (m) => delete m.shapes[STATUS].members.Cancelled,
    events: [`ERROR ChangedEnumTrait.Removed.6 ${STATUS}`],
    mentions: ["`MaintenanceWindowExecutionStatus.Cancelled` is gone"],
  },
  {
    evaluator: "ChangedEnumTrait",
    change: "an enum value appended",
    edit: (m) =>
      (m.shapes[STATUS].members.Rejected = {
        target: "smithy.api#Unit",
        traits: { "smithy.api#enumValue": "REJECTED" },
      }),
    events: [`NOTE ChangedEnumTrait.Appended.8 ${STATUS}`],
  },
  {
    evaluator: "ChangedEnumTrait",
    change: "an enum value inserted before the end",
    edit: (m) => {
      const { Pending, ...rest } = m.shapes[STATUS].members;
      m.shapes[STATUS].members = {
        Pending,
        Queued: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "QUEUED" } },
        ...rest,
      };
    },
    events: [`ERROR ChangedEnumTrait.OrderChanged.1 ${STATUS}`],
  },
  {
    evaluator: "ChangedEnumTrait",
    change: "an enum member renamed, its value kept",
    edit: (m) => {
      const members = Object.entries(m.shapes[STATUS].members).map(([name, member]) => [
        name === "TimedOut" ? "Timeout" : name,
        member,
      ]);
      m.shapes[STATUS].members = Object.fromEntries(members);
    },
    events: [`ERROR ChangedEnumTrait.NameChanged.4 ${STATUS}`],
    mentions: ["`MaintenanceWindowExecutionStatus.TimedOut` is now `MaintenanceWindowExecutionStatus.Timeout`"],
  },
  {
    evaluator: "ChangedEnumTrait",
    change: "an intEnum value changed",
    given: withIntEnum,
    edit: (m) => (m.shapes[`${NS}Priority`].members.HIGH.traits["smithy.api#enumValue"] = 3),
    events: [`ERROR ChangedEnumTrait.Removed.1 ${NS}Priority`, `NOTE ChangedEnumTrait.Appended.1 ${NS}Priority`],
  },
  {
    evaluator: "ChangedLengthTrait",
    change: "a lower maximum length",
    edit: (m) => (m.shapes[`${NS}MaintenanceWindowFilterKey`].traits["smithy.api#length"].max = 64),
    events: [
      `ERROR ChangedLengthTrait ${NS}MaintenanceWindowFilterKey`,
      `NOTE ModifiedTrait.Update.smithy.api#length ${NS}MaintenanceWindowFilterKey`,
    ],
    mentions: ["`max` was lowered from 128 to 64", "the generated validators and the server reject"],
  },
  {
    evaluator: "ChangedRangeTrait",
    change: "a higher minimum",
    edit: (m) => (m.shapes[`${NS}MaintenanceWindowMaxResults`].traits["smithy.api#range"].min = 20),
    events: [
      `ERROR ChangedRangeTrait ${NS}MaintenanceWindowMaxResults`,
      `NOTE ModifiedTrait.Update.smithy.api#range ${NS}MaintenanceWindowMaxResults`,
    ],
  },
  {
    evaluator: "ChangedRangeTrait",
    change: "a wider range",
    edit: (m) => (m.shapes[`${NS}MaintenanceWindowMaxResults`].traits["smithy.api#range"].max = 500),
    events: [`NOTE ModifiedTrait.Update.smithy.api#range ${NS}MaintenanceWindowMaxResults`],
  },
  {
    evaluator: "ChangedMemberOrder",
    change: "two members swapped",
    edit: (m) => {
      const { Key, Values } = m.shapes[FILTER].members;
      m.shapes[FILTER].members = { Values, Key };
    },
    events: [`DANGER ChangedMemberOrder ${FILTER}`],
    mentions: ["none: properties are matched by name"],
  },
  {
    evaluator: "AddedMetadata",
    change: "a metadata key added",
    edit: (m) => (m.metadata = { ...m.metadata, owner: "ssm-team" }),
    events: ["NOTE AddedMetadata -"],
  },
  {
    evaluator: "ChangedMetadata",
    change: "a metadata value changed",
    given: (m) => (m.metadata = { owner: "ssm-team" }),
    edit: (m) => (m.metadata = { owner: "platform" }),
    events: ["WARNING ChangedMetadata -"],
  },
  {
    evaluator: "RemovedMetadata",
    change: "a metadata key removed",
    given: (m) => (m.metadata = { owner: "ssm-team" }),
    edit: (m) => (m.metadata = {}),
    events: ["DANGER RemovedMetadata.owner -"],
  },
  {
    evaluator: "ChangedOperationInput",
    change: "the operation takes another input structure",
    edit: (m) => {
      m.shapes[`${NS}DescribeTasksRequest`] = structuredClone(m.shapes[REQUEST]);
      m.shapes[OP].input.target = `${NS}DescribeTasksRequest`;
    },
    events: [
      `ERROR ChangedOperationInput.From.${REQUEST}.To.${NS}DescribeTasksRequest ${OP}`,
      `NOTE AddedShape ${NS}DescribeTasksRequest`,
    ],
    mentions: ["`DescribeMaintenanceWindowExecutionTasksCommandInput` is now `DescribeTasksRequest`"],
  },
  {
    evaluator: "ChangedOperationOutput",
    change: "the operation returns another output structure",
    edit: (m) => {
      m.shapes[`${NS}DescribeTasksResult`] = structuredClone(m.shapes[RESULT]);
      m.shapes[OP].output.target = `${NS}DescribeTasksResult`;
    },
    events: [
      `ERROR ChangedOperationOutput.From.${RESULT}.To.${NS}DescribeTasksResult ${OP}`,
      `NOTE AddedShape ${NS}DescribeTasksResult`,
    ],
  },
  {
    evaluator: "AddedOperationError",
    change: "a new error the operation can return",
    edit: (m) => {
      m.shapes[`${NS}ThrottlingException`] = {
        type: "structure",
        members: {},
        traits: { "smithy.api#error": "client" },
      };
      m.shapes[OP].errors.push({ target: `${NS}ThrottlingException` });
    },
    events: [`WARNING AddedOperationError.ThrottlingException ${OP}`, `NOTE AddedShape ${NS}ThrottlingException`],
    mentions: ["callers can catch `ThrottlingException`"],
  },
  {
    evaluator: "RemovedOperationError",
    change: "an error no longer listed",
    edit: (m) => m.shapes[OP].errors.shift(),
    events: [`WARNING RemovedOperationError.DoesNotExistException ${OP}`],
  },
  {
    evaluator: "AddedServiceError",
    change: "an error common to every operation",
    edit: (m) => (m.shapes[SERVICE].errors = [{ target: `${NS}InternalServerError` }]),
    events: [`WARNING AddedServiceError ${SERVICE}`],
  },
  {
    evaluator: "RemovedServiceError",
    change: "a common error removed",
    given: (m) => (m.shapes[SERVICE].errors = [{ target: `${NS}InternalServerError` }]),
    edit: (m) => (m.shapes[SERVICE].errors = []),
    events: [`WARNING RemovedServiceError ${SERVICE}`],
  },
  {
    evaluator: "AddedEntityBinding",
    change: "a resource bound to the service",
    given: withResource,
    edit: (m) => (m.shapes[SERVICE].resources = [{ target: `${NS}WindowExecution` }]),
    events: [`NOTE AddedResourceBinding.ToService.WindowExecution ${SERVICE}`],
  },
  {
    evaluator: "AddedEntityBinding",
    change: "a new operation bound to the service",
    edit: (m) => {
      m.shapes[`${NS}Ping`] = { type: "operation", input: { target: "smithy.api#Unit" } };
      m.shapes[SERVICE].operations.push({ target: `${NS}Ping` });
    },
    events: [`NOTE AddedOperationBinding.ToService.Ping ${SERVICE}`, `NOTE AddedShape ${NS}Ping`],
  },
  {
    evaluator: "RemovedEntityBinding",
    change: "the operation unbound from the service",
    edit: (m) => (m.shapes[SERVICE].operations = []),
    events: [`ERROR RemovedOperationBinding.FromService.DescribeMaintenanceWindowExecutionTasks ${SERVICE}`],
    mentions: [
      "`DescribeMaintenanceWindowExecutionTasksCommand`, `describeMaintenanceWindowExecutionTasks()` and the server's `DescribeMaintenanceWindowExecutionTasks` handler are gone",
    ],
  },
  {
    evaluator: "RemovedEntityBinding",
    change: "the operation moved from the service to one of its resources",
    given: (m) => {
      withResource(m);
      m.shapes[SERVICE].resources = [{ target: `${NS}WindowExecution` }];
    },
    edit: (m) => {
      m.shapes[SERVICE].operations = [];
      m.shapes[`${NS}WindowExecution`].operations = [{ target: OP }];
    },
    events: [
      `NOTE RemovedOperationBinding.FromService.DescribeMaintenanceWindowExecutionTasks ${SERVICE}`,
      `NOTE AddedOperationBinding.ToResource.DescribeMaintenanceWindowExecutionTasks ${NS}WindowExecution`,
    ],
  },
  {
    evaluator: "ChangedResourceIdentifiers",
    change: "an identifier added to a resource",
    given: withResource,
    edit: (m) =>
      (m.shapes[`${NS}WindowExecution`].identifiers.TaskId = { target: `${NS}MaintenanceWindowExecutionTaskId` }),
    events: [`ERROR ChangedResourceIdentifiers ${NS}WindowExecution`],
  },
  {
    evaluator: "ModifiedTrait",
    change: "documentation changed",
    edit: (m) => (m.shapes[FILTER].traits["smithy.api#documentation"] = "<p>A filter.</p>"),
    events: [`NOTE ModifiedTrait.Update.smithy.api#documentation ${FILTER}`],
  },
  {
    evaluator: "ModifiedTrait",
    change: "a trait the model does not define changed",
    edit: (m) => (m.shapes[SERVICE].traits["aws.api#service"].cloudFormationName = "SSMv2"),
    events: [`WARNING ModifiedTrait.Update.aws.api#service ${SERVICE}`],
  },
  {
    evaluator: "ModifiedTrait",
    change: "documentation removed",
    edit: (m) => delete m.shapes[FILTER].traits["smithy.api#documentation"],
    events: [`WARNING ModifiedTrait.Remove.smithy.api#documentation ${FILTER}`],
  },
  {
    evaluator: "RemovedAuthenticationScheme",
    change: "SigV4 removed from the service",
    edit: (m) => delete m.shapes[SERVICE].traits["aws.auth#sigv4"],
    events: [`ERROR RemovedAuthenticationScheme ${SERVICE}`, `WARNING ModifiedTrait.Remove.aws.auth#sigv4 ${SERVICE}`],
  },
  {
    evaluator: "TraitBreakingChange",
    change: "@paginated removed from the operation",
    edit: (m) => delete m.shapes[OP].traits["smithy.api#paginated"],
    events: [`ERROR TraitBreakingChange.Remove.smithy.api#paginated ${OP}`],
    mentions: ["`paginateDescribeMaintenanceWindowExecutionTasks` is gone"],
  },
  {
    evaluator: "TraitBreakingChange",
    change: "the paginated output token renamed",
    edit: (m) => (m.shapes[OP].traits["smithy.api#paginated"].outputToken = "Next"),
    events: [`ERROR TraitBreakingChange.Update.smithy.api#paginated ${OP}`],
    mentions: ["changed at `/outputToken`"],
  },
  {
    evaluator: "TraitBreakingChange",
    change: "@sparse added to a list",
    edit: (m) => (m.shapes[`${NS}AlarmList`].traits["smithy.api#sparse"] = {}),
    events: [`ERROR TraitBreakingChange.Add.smithy.api#sparse ${NS}AlarmList`],
  },
  {
    evaluator: "TraitBreakingChange",
    change: "a model-defined trait with a DANGER rule removed",
    given: (m) => {
      withTrait(m);
      m.shapes[FILTER].traits[`${NS}auditNote`] = "reviewed";
    },
    edit: (m) => delete m.shapes[FILTER].traits[`${NS}auditNote`],
    events: [`DANGER TraitBreakingChange.Remove.${NS}auditNote ${FILTER}`],
  },
  {
    evaluator: "AddedTraitDefinition",
    change: "a trait defined",
    edit: withTrait,
    events: [`NOTE AddedShape ${NS}auditNote`, `NOTE AddedTraitDefinition ${NS}auditNote`],
  },
  {
    evaluator: "RemovedTraitDefinition",
    change: "a trait definition removed",
    given: withTrait,
    edit: (m) => delete m.shapes[`${NS}auditNote`],
    events: [`ERROR RemovedTraitDefinition ${NS}auditNote`, `WARNING RemovedShape.ScalarShape ${NS}auditNote`],
  },
  {
    evaluator: "ServiceRename",
    change: "a shape of the service renamed",
    edit: (m) => (m.shapes[SERVICE].rename = { [FILTER]: "WindowFilter" }),
    events: [`ERROR ServiceRename ${SERVICE}`],
    mentions: ["`MaintenanceWindowFilter` is now `WindowFilter`"],
  },
];
