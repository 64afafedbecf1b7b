using System;
using System.Collections.Generic;
using CometAnalyzers.Contract.Json;
using CometAnalyzers.Rules;

namespace CometAnalyzers.Contract.Overlays
{
    /// <summary>
    /// Applies overlay actions to a document tree without changing it: each change rebuilds the nodes from the root down
    /// to the target (copy on write), so the tree as parsed stays what every other reader of the document sees.
    /// The merge follows the Overlay Specification (1.1 states precisely what 1.0 says in brief): an object update is
    /// merged member by member, recursively; an array value is concatenated with an array; a primitive replaces a primitive;
    /// any other pair of kinds is an error (COMET101) at the update's value. Nodes the update brings are recorded as authored,
    /// so diagnostics about them point into the overlay.
    /// </summary>
    internal sealed class OverlayApplier
    {
        private readonly DiagnosticSink _sink;
        private readonly HashSet<JsonNode> _authored;

        public OverlayApplier(DiagnosticSink sink, HashSet<JsonNode> authored)
        {
            _sink = sink;
            _authored = authored;
        }

        /// <summary>Merges <paramref name="update"/> into the node at <paramref name="location"/>; <paramref name="displayPath"/> names the update in diagnostics.</summary>
        public JsonNode Update(JsonNode root, JsonLocation location, JsonNode update, string displayPath)
            => Replace(root, location.Steps(), 0, target => Merge(target, update, displayPath)) ?? root;

        /// <summary>Removes every node at <paramref name="locations"/> from its object or array (never the root).</summary>
        public static JsonNode Remove(JsonNode root, IReadOnlyList<JsonLocation> locations)
        {
            // Later items first, and a node's descendants before the node: removing one never shifts another's index.
            var ordered = new List<IReadOnlyList<JsonLocation>>();
            foreach (JsonLocation location in locations)
            {
                if (location.Depth > 0)
                {
                    ordered.Add(location.Steps());
                }
            }

            ordered.Sort(CompareForRemoval);
            foreach (IReadOnlyList<JsonLocation> steps in ordered)
            {
                root = Replace(root, steps, 0, _ => null) ?? root;
            }

            return root;
        }

        private static int CompareForRemoval(IReadOnlyList<JsonLocation> a, IReadOnlyList<JsonLocation> b)
        {
            for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                int order = a[i].Name is { } x && b[i].Name is { } y
                    ? string.CompareOrdinal(y, x)
                    : b[i].Index.CompareTo(a[i].Index);
                if (order != 0)
                {
                    return order;
                }
            }

            return b.Count.CompareTo(a.Count);
        }

        /// <summary>
        /// The tree with the node at <paramref name="steps"/> replaced by what <paramref name="change"/> makes of it (removed when
        /// null). A path that no longer exists (an earlier action removed it) changes nothing.
        /// </summary>
        private static JsonNode? Replace(JsonNode node, IReadOnlyList<JsonLocation> steps, int depth, Func<JsonNode, JsonNode?> change)
        {
            if (depth == steps.Count)
            {
                return change(node);
            }

            JsonLocation step = steps[depth];
            if (step.Name is { } name && node is JsonObjectNode obj && obj.GetProperty(name) is { } property)
            {
                JsonNode? value = Replace(property.Value, steps, depth + 1, change);
                if (ReferenceEquals(value, property.Value))
                {
                    return node;
                }

                var properties = new List<JsonProperty>(obj.Properties.Count);
                foreach (JsonProperty existing in obj.Properties)
                {
                    if (existing == property)
                    {
                        if (value is not null)
                        {
                            properties.Add(new JsonProperty(existing.Name, existing.NameStart, existing.NameLength, value));
                        }
                    }
                    else if (value is not null || !string.Equals(existing.Name, name, StringComparison.Ordinal))
                    {
                        // A removed member goes with its duplicates, which would otherwise take its place.
                        properties.Add(existing);
                    }
                }

                return new JsonObjectNode(obj.Start, obj.Length, properties);
            }

            if (step.Name is null && node is JsonArrayNode array && step.Index >= 0 && step.Index < array.Items.Count)
            {
                JsonNode item = array.Items[step.Index];
                JsonNode? value = Replace(item, steps, depth + 1, change);
                if (ReferenceEquals(value, item))
                {
                    return node;
                }

                var items = new List<JsonNode>(array.Items.Count);
                for (int i = 0; i < array.Items.Count; i++)
                {
                    if (i != step.Index)
                    {
                        items.Add(array.Items[i]);
                    }
                    else if (value is not null)
                    {
                        items.Add(value);
                    }
                }

                return new JsonArrayNode(array.Start, array.Length, items);
            }

            return node;
        }

        /// <summary>The target with the update merged in: the target unchanged (and COMET101 reported) when their kinds do not fit.</summary>
        private JsonNode Merge(JsonNode target, JsonNode update, string displayPath)
        {
            switch (target)
            {
                case JsonObjectNode targetObject when update is JsonObjectNode updateObject:
                    return MergeObject(targetObject, updateObject, displayPath);
                case JsonObjectNode:
                    _sink.Report(RuleIdentifiers.WrongValueType, update, displayPath, "an object, as the target is an object (its members are merged into the target)", update.KindName);
                    return target;
                case JsonArrayNode targetArray:
                    // An array is concatenated; anything else is one more item.
                    return Append(targetArray, update is JsonArrayNode items ? items.Items : new[] { update });
                default:
                    if (update is JsonObjectNode or JsonArrayNode)
                    {
                        _sink.Report(RuleIdentifiers.WrongValueType, update, displayPath, $"a string, number, boolean or null, as the target is {target.KindName} (which it replaces)", update.KindName);
                        return target;
                    }

                    MarkAuthored(update);
                    return update;
            }
        }

        private JsonObjectNode MergeObject(JsonObjectNode target, JsonObjectNode update, string displayPath)
        {
            var properties = new List<JsonProperty>(target.Properties);
            foreach (JsonProperty member in update.Properties)
            {
                if (update.GetProperty(member.Name) != member)
                {
                    continue; // a duplicate key (COMET109): the first one is the member
                }

                int index = properties.FindIndex(p => string.Equals(p.Name, member.Name, StringComparison.Ordinal));
                if (index < 0)
                {
                    MarkAuthored(member.Value);
                    properties.Add(member);
                    continue;
                }

                JsonProperty existing = properties[index];
                JsonNode merged = MergeMember(existing.Value, member.Value, displayPath + "." + member.Name);
                if (!ReferenceEquals(merged, existing.Value))
                {
                    properties[index] = new JsonProperty(existing.Name, existing.NameStart, existing.NameLength, merged);
                }
            }

            return new JsonObjectNode(target.Start, target.Length, properties);
        }

        private JsonNode MergeMember(JsonNode existing, JsonNode value, string displayPath)
        {
            switch (existing)
            {
                case JsonObjectNode existingObject when value is JsonObjectNode valueObject:
                    return MergeObject(existingObject, valueObject, displayPath);
                case JsonArrayNode existingArray when value is JsonArrayNode valueArray:
                    return Append(existingArray, valueArray.Items);
                case JsonObjectNode or JsonArrayNode:
                    _sink.Report(RuleIdentifiers.WrongValueType, value, displayPath, $"{existing.KindName}, as the document's value it is merged with is", value.KindName);
                    return existing;
                default:
                    if (value is JsonObjectNode or JsonArrayNode)
                    {
                        _sink.Report(RuleIdentifiers.WrongValueType, value, displayPath, $"a string, number, boolean or null, as the document's value it replaces is {existing.KindName}", value.KindName);
                        return existing;
                    }

                    MarkAuthored(value);
                    return value;
            }
        }

        private JsonArrayNode Append(JsonArrayNode target, IReadOnlyList<JsonNode> items)
        {
            var all = new List<JsonNode>(target.Items.Count + items.Count);
            all.AddRange(target.Items);
            foreach (JsonNode item in items)
            {
                MarkAuthored(item);
                all.Add(item);
            }

            return new JsonArrayNode(target.Start, target.Length, all);
        }

        private void MarkAuthored(JsonNode root)
        {
            var pending = new Stack<JsonNode>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                JsonNode node = pending.Pop();
                if (!_authored.Add(node))
                {
                    continue;
                }

                if (node is JsonObjectNode obj)
                {
                    foreach (JsonProperty property in obj.Properties)
                    {
                        pending.Push(property.Value);
                    }
                }
                else if (node is JsonArrayNode array)
                {
                    foreach (JsonNode item in array.Items)
                    {
                        pending.Push(item);
                    }
                }
            }
        }
    }
}
