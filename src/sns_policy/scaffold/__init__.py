"""`sns-policy init`: a new municipality's folder from its guideline's text.

read (sources) → split into units (outline) → propose non-normative units and rule stubs
(proposals, modality) with concepts from the shipped rules (similar) → write the folder
(write) and say what a person must decide (summary). `accuracy` measures the proposals on
the hand-made rulesets.
"""
